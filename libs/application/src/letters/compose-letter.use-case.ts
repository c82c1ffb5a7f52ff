import type { DataSource } from 'typeorm';
import {
  CHANNELS,
  defaultDecisionBasis,
  formatLocalDateZh,
  localDateInShanghai,
  outcomeDefinition,
  SERVICE_METHODS,
  type Outcome,
} from '@gongkai/domain';
import {
  agencyById,
  CaseError,
  LettersRepository,
  type AgencyEntity,
  type CaseEntity,
} from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import type { ReadCase } from '../cases/read-case.use-case';
import type { Clock } from '../common/clock';
import {
  LETTER_KINDS,
  OUTCOME_ANSWERS,
  REMEDY,
  TERMINATION_REASONS,
  type LetterKind,
} from './letter-templates.data';
import { letterTemplateView } from './manage-letter-templates.use-case';

const BLANK = '＿＿＿＿＿＿';
const DRAFT_NUMBER = '（文号待审批后生成）';
export const DEFAULT_LETTER_REF_PATTERN = '〔{year}〕第{n}号';

/** `{year}` and `{n}` of the agency's pattern; the default reads `〔2026〕第12号`. */
export function formatLetterNumber(pattern: string | null, year: number, n: number): string {
  return (pattern?.trim() || DEFAULT_LETTER_REF_PATTERN)
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', String(n));
}

export interface ComposedLetter {
  title: string;
  paragraphs: string[];
  fileName: string;
  draft: boolean;
}

/** A case's letters as text, from the case data and the agency's templates. */
export class ComposeLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ReadCase,
    private readonly clock: Clock,
  ) {}

  /** The letter as text: the DOCX download and the on-screen preview (drafts before approval). */
  async execute(reader: CaseReader, caseId: string, kind: LetterKind): Promise<ComposedLetter> {
    const c = await this.cases.find(reader, caseId);
    const agency = await agencyById(this.dataSource.manager, c.agencyId);
    if (!agency) throw new CaseError('not_found', 'agency_not_found', '机关不存在');
    const template = letterTemplateView(
      kind,
      await new LettersRepository(this.dataSource.manager).templateOf(c.agencyId, kind),
    );
    const values = this.values(c, agency, kind);
    values['letterNumber'] = await this.letterNumber(c, agency, kind);
    const paragraphs = template.paragraphs.flatMap((p) =>
      p.trim() === '{{supplementItems}}'
        ? (c.snapshot.context.supplement?.items ?? []).map((item, i) => `${i + 1}. ${item}`)
        : [fill(p, values)],
    );
    // Art. 51: the applicant is told the remedies on every decision, whatever the template says.
    if (kind === 'decision' && !paragraphs.some((p) => p.includes('行政复议'))) {
      paragraphs.splice(Math.max(0, paragraphs.length - 2), 0, REMEDY);
    }
    const title = fill(template.title, values);
    return {
      title,
      paragraphs,
      fileName: `${c.ref}-${title}.docx`,
      draft: kind === 'decision' && !c.outcome,
    };
  }

  /** The letters the case's history supports, in the order a case needs them. */
  async applicable(reader: CaseReader, caseId: string): Promise<LetterKind[]> {
    const c = await this.cases.find(reader, caseId);
    return LETTER_KINDS.filter((kind) => notApplicable(c, kind) === null);
  }

  /**
   * The 答复书's 文号: given once, on the first print after approval, in sequence per agency and
   * year of decision (Project rule 2: the outcome year is the year of final approval); a draft
   * has none yet. The 送达回证 names the same number.
   */
  private async letterNumber(
    c: CaseEntity,
    agency: AgencyEntity,
    kind: LetterKind,
  ): Promise<string> {
    if ((kind !== 'decision' && kind !== 'service') || !c.outcome || !c.decidedOn) {
      return kind === 'decision' ? DRAFT_NUMBER : BLANK;
    }
    const year = Number(c.decidedOn.slice(0, 4));
    const n = await this.dataSource.transaction(async (m) => {
      const letters = new LettersRepository(m);
      return (
        (await letters.decisionNumber(c.id)) ??
        (await letters.nextDecisionNumber(c.id, c.agencyId, year))
      );
    });
    return formatLetterNumber(agency.letterRefPattern, year, n);
  }

  /** The placeholder values; a letter that needs a fact the case lacks is refused (422). */
  private values(c: CaseEntity, agency: AgencyEntity, kind: LetterKind): Record<string, string> {
    const context = c.snapshot.context;
    const zh = (d: string | null | undefined) => (d ? formatLocalDateZh(d) : BLANK);

    const refusal = notApplicable(c, kind);
    if (refusal) throw new CaseError('refused', 'letter_not_applicable', refusal);
    // A drafted decision can be printed for the approval file; the final one carries the outcome.
    const outcome = (c.outcome ?? context.draft?.outcome ?? null) as Outcome | null;
    // Only a case that ended without a decision (state `ended`) is no longer processed.
    const termination = c.state === 'ended' && outcome ? TERMINATION_REASONS[outcome] : undefined;

    const values: Record<string, string> = {
      agencyName: agency.name,
      agencyAddress: agency.address ?? BLANK,
      agencyPhone: agency.phone ?? BLANK,
      agencyContact: agency.contact ?? BLANK,
      letterNumber: BLANK,
      ref: c.ref,
      queryCode: c.queryCode,
      applicantName: c.applicantName ?? BLANK,
      receivedOn: zh(c.receivedOn),
      channel: CHANNELS.find((ch) => ch.code === c.channel)?.label ?? c.channel,
      request: c.requestText ?? BLANK,
      requestedForm: c.requestedForm ?? BLANK,
      today: zh(localDateInShanghai(this.clock.now())),
      answerDueOn: zh(c.answerDueOn),
      supplementItems: (context.supplement?.items ?? []).map((s, i) => `${i + 1}. ${s}`).join('；'),
      supplementDueOn: zh(context.supplement?.dueOn),
      extensionDays: String(context.extension?.workingDays ?? BLANK),
      extensionReason: context.extension?.reason ?? BLANK,
      consultationParty:
        context.consultations.at(-1)?.party === 'other_agency'
          ? `${BLANK}（机关）`
          : `${BLANK}（第三方）`,
      feeStandard:
        context.fee?.standard === 'per_page' ? '按量计收' : context.fee ? '按件计收' : BLANK,
      feeAmount: context.fee ? context.fee.amountYuan.toFixed(2) : BLANK,
      outcome: BLANK,
      outcomeBasis: BLANK,
      outcomeAnswer: BLANK,
      decisionReasons: context.draft?.reasons ?? BLANK,
      decidedOn: zh(c.decidedOn),
      serviceMethod:
        SERVICE_METHODS.find((m) => m.code === context.service?.method)?.label ??
        '直接送达 / 邮寄送达 / 电子送达 / 委托送达',
      servedOn: zh(c.servedOn),
      remedy: REMEDY,
      terminationReason: BLANK,
    };
    if (outcome) {
      const definition = outcomeDefinition(outcome);
      values['outcome'] = definition.label;
      values['outcomeBasis'] =
        context.draft?.basis ?? (defaultDecisionBasis(outcome) || '有关法律法规');
      values['outcomeAnswer'] = fill(OUTCOME_ANSWERS[definition.group], values);
    }
    if (termination) values['terminationReason'] = fill(termination, values);
    return values;
  }
}

/** Null when the case's history supports the letter; otherwise why not (the clerk's words). */
export function notApplicable(c: CaseEntity, kind: LetterKind): string | null {
  const context = c.snapshot.context;
  if (kind === 'supplement' && !context.supplement) return '本案未告知补正，无法生成补正告知书';
  if (kind === 'extension' && context.extension?.decision !== 'granted')
    return '本案未批准延期，无法生成延期答复告知书';
  if (kind === 'consultation' && context.consultations.length === 0)
    return '本案未征求意见，无法生成征求意见书';
  if (kind === 'fee' && !context.fee) return '本案未送达收费通知，无法生成收费通知书';
  if (kind === 'decision' && !c.outcome && !context.draft)
    return '本案尚未拟定答复决定，无法生成答复书';
  if (kind === 'service' && !c.outcome) return '本案尚未作出答复决定，无法生成送达回证';
  if (
    kind === 'termination' &&
    !(c.state === 'ended' && c.outcome && TERMINATION_REASONS[c.outcome as Outcome])
  )
    return '本案不是逾期不补正、逾期未缴费或撤回而终止的案件，无法生成不再处理告知书';
  return null;
}

/** Replaces `{{name}}`; unknown names stay visible, so a typo in a template shows in the letter. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
