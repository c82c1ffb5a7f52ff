import { MAX_EXTENSION_WORKING_DAYS } from '../clock';

/**
 * The bounds of an event's payload: the machine's rules, the contracts' zod schemas and the
 * desk's form inputs all read them from here, so a limit is written once.
 */
export const CASE_PAYLOAD_LIMITS = {
  /** Art. 33: an extension of at least one and at most 20 working days. */
  extensionWorkingDays: { min: 1, max: MAX_EXTENSION_WORKING_DAYS },
  /** Art. 30: everything to supplement, told at once — a list, not a novel. */
  supplementItems: { min: 1, max: 50 },
  supplementItemLength: 500,
  /** Comments, reasons, opinions (审批意见、退回意见、延期理由、撤回理由). */
  textLength: 1000,
  /** 国办函〔2020〕109号: far above any fee the bands produce; catches a typo in 元/万元. */
  feeAmountYuan: { max: 1_000_000 },
  feeOrdinalInMonth: { min: 1, max: 10_000 },
  feePages: { min: 1, max: 10_000_000 },
  year: { min: 2000, max: 2999 },
} as const;
