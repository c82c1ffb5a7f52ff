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

  async render(
    user: SessionUser,
    caseId: string,
    kind: LetterKind,
  ): Promise<{ fileName: string; buffer: Buffer }> {
    const c = await this.cases.findInScope(user, caseId);
    const agency = await this.db.getRepository(AgencyEntity).findOne({ where: { id: c.agencyId } });
    if (!agency) throw new NotFoundException({ message: '机关不存在', code: 'agency_not_found' });
    const template = await this.template(c.agencyId, kind);
    const values = this.values(c, agency, kind);
    const paragraphs = template.paragraphs.flatMap((p) =>
      p.trim() === '{{supplementItems}}'
        ? (c.snapshot.context.supplement?.items ?? []).map((item, i) => `${i + 1}. ${item}`)
        : [fill(p, values)],
    );
    const buffer = await renderLetterDocx({
      title: fill(template.title, values),
      paragraphs,
      signatureLines: SIGNATURE_LINES,
    });
    return { fileName: `${c.ref}-${fill(template.title, values)}.docx`, buffer };
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
    const refuse = (message: string) =>
      new UnprocessableEntityException({ message, code: 'letter_not_applicable' });

    if (kind === 'supplement' && !context.supplement)
      throw refuse('本案未告知补正，无法生成补正告知书');
    if (kind === 'extension' && !context.extension)
      throw refuse('本案未申请延期，无法生成延期答复告知书');
    if (kind === 'fee' && !context.fee) throw refuse('本案未送达收费通知，无法生成收费通知书');
    // A drafted decision can be printed for the approval file; the final one carries the outcome.
    const outcome = (c.outcome ?? context.draft?.outcome ?? null) as Outcome | null;
    if (kind === 'decision' && !outcome) throw refuse('本案尚未拟定答复决定，无法生成答复书');
    // Only a case that ended without a decision (state `ended`) is no longer processed.
    const termination = c.state === 'ended' && outcome ? TERMINATION_REASONS[outcome] : undefined;
    if (kind === 'termination' && !termination) {
      throw refuse('本案不是逾期不补正、逾期未缴费或撤回而终止的案件，无法生成不再处理告知书');
    }

    const values: Record<string, string> = {
      agencyName: agency.name,
      agencyAddress: agency.address ?? BLANK,
      agencyPhone: agency.phone ?? BLANK,
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
      values['outcomeBasis'] = definition.basis ?? '';
      values['outcomeAnswer'] = fill(OUTCOME_ANSWERS[definition.group], values);
    }
    if (termination) values['terminationReason'] = fill(termination, values);
    return values;
  }
}

/** Replaces `{{name}}`; unknown names stay visible, so a typo in a template shows in the letter. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
