import { type LocalDate } from '../dates';

export type ConsultationParty = 'third_party' | 'other_agency';

/**
 * The clock ledger of a case: the facts that start, stop, pause or move its periods, in the order
 * they happened. Deadlines are derived from it (and the calendar), never stored as truth.
 */
export type ClockEntry =
  /** Art. 31 receipt day. */
  | { readonly kind: 'start'; readonly on: LocalDate }
  /** Art. 30 补正 notice served; the clerk sets the applicant's deadline. */
  | { readonly kind: 'supplementNotice'; readonly on: LocalDate; readonly dueOn: LocalDate }
  /** Art. 30: the answer period counts again from receipt of the supplement (Project rule 18). */
  | { readonly kind: 'supplementRestart'; readonly on: LocalDate }
  /** Arts 32, 34: consultation letter served; Art. 33 para. 3 pauses the answer clock. */
  | {
      readonly kind: 'consultationPause';
      readonly on: LocalDate;
      readonly party: ConsultationParty;
    }
  | {
      readonly kind: 'consultationResume';
      readonly on: LocalDate;
      readonly reason: 'replied' | 'expired';
    }
  /** 国办函〔2020〕109号 fee notice served; Project rule 11 pauses the answer clock. */
  | { readonly kind: 'feePause'; readonly on: LocalDate }
  | { readonly kind: 'feePayment'; readonly on: LocalDate }
  /** Art. 33 para. 2: granted extension, at most 20 WD. */
  | { readonly kind: 'extension'; readonly on: LocalDate; readonly workingDays: number }
  /** Art. 35: reasonable reasons, answer by a set later date. */
  | { readonly kind: 'art35Delay'; readonly on: LocalDate; readonly delayedAnswerOn: LocalDate };

export type ClockEntryKind = ClockEntry['kind'];

export const CLOCK_ENTRY_LABELS: Readonly<Record<ClockEntryKind, { zh: string; en: string }>> = {
  start: { zh: '收到申请', en: 'Application received' },
  supplementNotice: { zh: '送达补正通知', en: 'Supplement notice served' },
  supplementRestart: { zh: '收到补正材料', en: 'Supplement received' },
  consultationPause: { zh: '送达征求意见函', en: 'Consultation letter served' },
  consultationResume: { zh: '征求意见结束', en: 'Consultation ended' },
  feePause: { zh: '送达收费通知', en: 'Fee notice served' },
  feePayment: { zh: '缴纳信息处理费', en: 'Fee paid' },
  extension: { zh: '批准延长答复期限', en: 'Extension granted' },
  art35Delay: { zh: '第三十五条确定延迟答复日期', en: 'Art. 35 delayed answer date set' },
};
