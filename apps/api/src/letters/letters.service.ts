import {
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CHANNELS,
  defaultDecisionBasis,
  formatLocalDateZh,
  localDateInShanghai,
  outcomeDefinition,
  SERVICE_METHODS,
  type Outcome,
} from '@gongkai/domain';
import { AgencyEntity, LetterTemplateEntity, type CaseEntity } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { CasesService } from '../cases/cases.service';
import { CLOCK, type Clock } from '../common/clock';
import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  OUTCOME_ANSWERS,
  REMEDY,
  TERMINATION_REASONS,
  type LetterKind,
  type LetterTemplate,
} from './letter-templates.data';
import { renderLetterDocx } from './letter-docx';

export interface LetterTemplateView extends LetterTemplate {
  /** False while the agency uses the built-in wording. */
  customised: boolean;
  updatedAt: string | null;
}

const SIGNATURE_LINES = 2;
const BLANK = '＿＿＿＿＿＿';
const DRAFT_NUMBER = '（文号待审批后生成）';
export const DEFAULT_LETTER_REF_PATTERN = '〔{year}〕第{n}号';

/** `{year}` and `{n}` of the agency's pattern; the default reads `〔2026〕第12号`. */
export function formatLetterNumber(pattern: string | null, year: number, n: number): string {
  return (pattern?.trim() || DEFAULT_LETTER_REF_PATTERN)
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', String(n));
}

/** Generated letters (DOCX) from the case data and the agency's templates. */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async templates(user: SessionUser): Promise<LetterTemplateView[]> {
    const rows = await this.db
      .getRepository(LetterTemplateEntity)
      .find({ where: { agencyId: user.agencyId } });
    return LETTER_KINDS.map((kind) =>
      this.view(
        kind,
        rows.find((r) => r.kind === kind),
      ),
    );
  }

  async template(agencyId: string, kind: LetterKind): Promise<LetterTemplateView> {
    const row = await this.db
      .getRepository(LetterTemplateEntity)
      .findOne({ where: { agencyId, kind } });
    return this.view(kind, row ?? undefined);
  }

  async save(
    user: SessionUser,
    kind: LetterKind,
    body: { title: string; paragraphs: string[] },
  ): Promise<LetterTemplateView> {
    await this.db.getRepository(LetterTemplateEntity).upsert(
      {
        agencyId: user.agencyId,
        kind,
        title: body.title,
        paragraphs: body.paragraphs,
        updatedBy: user.id,
        updatedAt: new Date(),
      },
      ['agencyId', 'kind'],
    );
    return this.template(user.agencyId, kind);
  }

  async reset(user: SessionUser, kind: LetterKind): Promise<LetterTemplateView> {
    await this.db.getRepository(LetterTemplateEntity).delete({ agencyId: user.agencyId, kind });
    return this.template(user.agencyId, kind);
  }

  /** The letter as text: the DOCX download and the on-screen preview (drafts before approval). */
  async compose(
    user: SessionUser,
    caseId: string,
    kind: LetterKind,
  ): Promise<{ title: string; paragraphs: string[]; fileName: string; draft: boolean }> {
    const c = await this.cases.findInScope(user, caseId);
    const agency = await this.db.getRepository(AgencyEntity).findOne({ where: { id: c.agencyId } });
    if (!agency) throw new NotFoundException({ message: '机关不存在', code: 'agency_not_found' });
    const template = await this.template(c.agencyId, kind);
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

  async render(
    user: SessionUser,
    caseId: string,
    kind: LetterKind,
  ): Promise<{ fileName: string; buffer: Buffer }> {
    const { title, paragraphs, fileName } = await this.compose(user, caseId, kind);
    const buffer = await renderLetterDocx({ title, paragraphs, signatureLines: SIGNATURE_LINES });
    return { fileName, buffer };
  }

  /** The letters the case's history supports, in the order a case needs them. */
  async applicable(user: SessionUser, caseId: string): Promise<LetterKind[]> {
    const c = await this.cases.findInScope(user, caseId);
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
    const n = await this.db.transaction(async (m) => {
      const found = (await m.query(
        `SELECT number FROM letter_numbers WHERE case_id = $1 AND kind = 'decision'`,
        [c.id],
      )) as { number: number }[];
      if (found[0]) return found[0].number;
      // One numbering per agency and year: concurrent first prints wait for each other.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`letter:${c.agencyId}:${year}`]);
      const [row] = (await m.query(
        `INSERT INTO letter_numbers (case_id, kind, agency_id, year, number)
         SELECT $1, 'decision', $2, $3, COALESCE(MAX(number), 0) + 1
           FROM letter_numbers WHERE agency_id = $2 AND year = $3 AND kind = 'decision'
         ON CONFLICT (case_id, kind) DO UPDATE SET number = letter_numbers.number
         RETURNING number`,
        [c.id, c.agencyId, year],
      )) as { number: number }[];
      return row?.number ?? 0;
    });
    return formatLetterNumber(agency.letterRefPattern, year, n);
  }

  private view(kind: LetterKind, row: LetterTemplateEntity | undefined): LetterTemplateView {
    const fallback = DEFAULT_TEMPLATES[kind];
    return {
      kind,
      title: row?.title ?? fallback.title,
      paragraphs: row ? [...row.paragraphs] : [...fallback.paragraphs],
      customised: !!row,
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  }

  /** The placeholder values; a letter that needs a fact the case lacks is refused (422). */
  private values(c: CaseEntity, agency: AgencyEntity, kind: LetterKind): Record<string, string> {
    const context = c.snapshot.context;
    const zh = (d: string | null | undefined) => (d ? formatLocalDateZh(d) : BLANK);

    const refusal = notApplicable(c, kind);
    if (refusal)
      throw new UnprocessableEntityException({ message: refusal, code: 'letter_not_applicable' });
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
