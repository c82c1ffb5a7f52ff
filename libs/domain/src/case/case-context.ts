import { ART35_UNREASONABLE_REASONS, defaultDecisionBasis } from '../catalogues';
import { type WorkingDayCalendar } from '../calendar';
import { type ClockEntry } from '../clock';
import { ledgerDeadlines } from '../clock';
import {
  type CaseContext,
  type CaseEvent,
  type CaseFlags,
  type CreateCaseInput,
} from './case.types';

export const NO_FLAGS: CaseFlags = {
  supplementNoticeLate: false,
  decidedLate: false,
  answeredLate: false,
  extensionLate: false,
};

export function initialCaseContext(input: CreateCaseInput, machineVersion: number): CaseContext {
  return {
    machineVersion,
    receivedOn: input.receivedOn,
    lastEventOn: input.receivedOn,
    approvalSteps: input.approvalSteps ?? 1,
    supplement: null,
    consultations: [],
    fee: null,
    extension: null,
    art35: null,
    draft: null,
    returnedDrafts: [],
    outcome: null,
    decidedOn: null,
    service: null,
    flags: NO_FLAGS,
    yearsClosed: [],
    ledger: [{ kind: 'start', on: input.receivedOn }],
  };
}

/**
 * What an accepted event does to the context. The machine decides whether it is accepted and
 * which state follows; this function only records the facts (and the flags they raise).
 */
export function recordEvent(
  context: CaseContext,
  event: CaseEvent,
  calendar: WorkingDayCalendar,
): CaseContext {
  const c: CaseContext =
    event.type === 'YEAR_CLOSED' ? context : { ...context, lastEventOn: event.on };
  const clock = (entry: ClockEntry): readonly ClockEntry[] => [...c.ledger, entry];
  const answerDueOn = () => ledgerDeadlines(c.ledger, calendar).answer.dueOn;
  const close = (outcome: CaseContext['outcome']): CaseContext => ({
    ...c,
    outcome,
    decidedOn: event.on,
  });

  switch (event.type) {
    case 'ACCEPT':
      return c;
    case 'REQUEST_SUPPLEMENT': {
      const noticeDue = ledgerDeadlines(c.ledger, calendar).supplementNotice.dueOn;
      return {
        ...c,
        supplement: {
          requestedOn: event.on,
          dueOn: event.dueOn,
          items: [...event.items],
          receivedOn: null,
        },
        // Art. 30: allowed later than 7 WD, but flagged.
        flags: { ...c.flags, supplementNoticeLate: noticeDue !== null && event.on > noticeDue },
        ledger: clock({ kind: 'supplementNotice', on: event.on, dueOn: event.dueOn }),
      };
    }
    case 'SUPPLEMENT_RECEIVED':
      return {
        ...c,
        supplement: c.supplement && { ...c.supplement, receivedOn: event.on },
        // Project rule 18: an extension from before the restart does not carry over.
        extension: null,
        ledger: clock({ kind: 'supplementRestart', on: event.on }),
      };
    case 'SUPPLEMENT_OVERDUE':
      return close('other.supplement_overdue');
    case 'START_CONSULTATION':
      return {
        ...c,
        consultations: [
          ...c.consultations,
          { party: event.party, sentOn: event.on, endedOn: null, end: null },
        ],
        ledger: clock({ kind: 'consultationPause', on: event.on, party: event.party }),
      };
    case 'CONSULTATION_REPLIED':
    case 'CONSULTATION_EXPIRED': {
      const end = event.type === 'CONSULTATION_REPLIED' ? 'replied' : 'expired';
      return {
        ...c,
        consultations: c.consultations.map((x) =>
          x.end === null ? { ...x, endedOn: event.on, end } : x,
        ),
        ledger: clock({ kind: 'consultationResume', on: event.on, reason: end }),
      };
    }
    case 'SERVE_FEE_NOTICE':
      return {
        ...c,
        fee: {
          standard: event.standard,
          amountYuan: event.amountYuan,
          ...(event.ordinalInMonth !== undefined ? { ordinalInMonth: event.ordinalInMonth } : {}),
          ...(event.pages !== undefined ? { pages: event.pages } : {}),
          ...(event.overrideReason?.trim() ? { overrideReason: event.overrideReason.trim() } : {}),
          servedOn: event.on,
          paidOn: null,
        },
        ledger: clock({ kind: 'feePause', on: event.on }),
      };
    case 'FEE_PAID':
      return {
        ...c,
        fee: c.fee && { ...c.fee, paidOn: event.on },
        ledger: clock({ kind: 'feePayment', on: event.on }),
      };
    case 'FEE_OVERDUE':
      return close('other.fee_unpaid');
    case 'REQUEST_REASONS':
      return {
        ...c,
        art35: { requestedOn: event.on, judgedOn: null, reasonable: null, delayedAnswerOn: null },
      };
    case 'REASONS_JUDGED': {
      const art35 = {
        requestedOn: c.art35?.requestedOn ?? event.on,
        judgedOn: event.on,
        reasonable: event.reasonable,
        delayedAnswerOn: event.reasonable ? (event.delayedAnswerOn ?? null) : null,
      };
      if (event.reasonable && event.delayedAnswerOn) {
        return {
          ...c,
          art35,
          ledger: clock({
            kind: 'art35Delay',
            on: event.on,
            delayedAnswerOn: event.delayedAnswerOn,
          }),
        };
      }
      // Art. 35: unreasonable reasons → the decision 不予处理 goes to approval.
      return {
        ...c,
        art35,
        draft: {
          outcome: 'not_handled.excessive',
          reasons: ART35_UNREASONABLE_REASONS,
          basis: defaultDecisionBasis('not_handled.excessive'),
          draftedOn: event.on,
          draftedBy: event.actor.id,
          approvals: [],
        },
      };
    }
    case 'DRAFT_DECISION':
      return {
        ...c,
        draft: {
          outcome: event.outcome,
          ...(event.reasons?.trim() ? { reasons: event.reasons.trim() } : {}),
          ...(event.basis?.trim() ? { basis: event.basis.trim() } : {}),
          draftedOn: event.on,
          draftedBy: event.actor.id,
          approvals: [],
        },
      };
    case 'APPROVE_DECISION': {
      if (!c.draft) return c;
      const approvals = [
        ...c.draft.approvals,
        {
          step: c.draft.approvals.length + 1,
          by: event.actor.id,
          on: event.on,
          ...(event.comment ? { comment: event.comment } : {}),
        },
      ];
      const draft = { ...c.draft, approvals };
      if (approvals.length < c.approvalSteps) return { ...c, draft };
      // Project rule 2: the outcome year is the year of final approval.
      const due = answerDueOn();
      return {
        ...close(draft.outcome),
        draft,
        flags: { ...c.flags, decidedLate: due !== null && event.on > due },
      };
    }
    case 'RETURN_DECISION':
      return {
        ...c,
        draft: null,
        returnedDrafts: c.draft
          ? [
              ...c.returnedDrafts,
              {
                ...c.draft,
                returnedOn: event.on,
                returnedBy: event.actor.id,
                comment: event.comment,
              },
            ]
          : c.returnedDrafts,
      };
    case 'REQUEST_EXTENSION':
      return {
        ...c,
        extension: {
          workingDays: event.workingDays,
          reason: event.reason,
          requestedOn: event.on,
          requestedBy: event.actor.id,
          decision: null,
          decidedOn: null,
          decidedBy: null,
        },
      };
    case 'APPROVE_EXTENSION': {
      if (!c.extension) return c;
      const due = answerDueOn();
      return {
        ...c,
        extension: {
          ...c.extension,
          decision: 'granted',
          decidedOn: event.on,
          decidedBy: event.actor.id,
        },
        flags: { ...c.flags, extensionLate: due !== null && event.on > due },
        ledger: clock({ kind: 'extension', on: event.on, workingDays: c.extension.workingDays }),
      };
    }
    case 'REFUSE_EXTENSION':
      return c.extension
        ? {
            ...c,
            extension: {
              ...c.extension,
              decision: 'refused',
              decidedOn: event.on,
              decidedBy: event.actor.id,
            },
          }
        : c;
    case 'RECORD_SERVICE': {
      // Project rule 2: timeliness is judged on the service day.
      const due = answerDueOn();
      return {
        ...c,
        service: { method: event.method, servedOn: event.servedOn },
        flags: { ...c.flags, answeredLate: due !== null && event.servedOn > due },
      };
    }
    case 'RECORD_NOTICE_SERVICE':
      return { ...c, noticeService: { method: event.method, servedOn: event.servedOn } };
    case 'WITHDRAW':
      // Project rule 3: withdrawal before a decision → （六）3 其他.
      return close('other.other');
    case 'YEAR_CLOSED':
      return { ...c, yearsClosed: [...c.yearsClosed, event.year].sort((a, b) => a - b) };
  }
}
