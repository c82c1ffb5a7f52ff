/**
 * Column widths at which 申请内容, the one column without a width, keeps room at 1440 px (about
 * 1,100 px of table beside the menu): the short columns are sized to their content, the request
 * takes what is left and shows its full text in a tooltip.
 */
export const CASE_LIST_WIDTHS = {
  ref: 100,
  receivedOn: 100,
  applicant: 140,
  agency: 120,
  state: 110,
  due: 140,
  assignee: 84,
  outcome: 120,
  decidedOn: 100,
} as const;

/** Shown from the column settings (⚙) on demand: the outcome already says whether it is decided. */
export const CASE_LIST_HIDDEN: readonly string[] = ['decidedOn'];
