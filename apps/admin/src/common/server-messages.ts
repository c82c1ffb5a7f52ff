import type { RefusalCode } from '@gongkai/domain';
import { ApiError, NETWORK_ERROR_STATUS, useLocale, type Locale } from '@gongkai/ui';
import { useCallback } from 'react';

/**
 * The English of the refusals the machine gives (422): every RefusalCode has its line, so a new
 * refusal does not reach the English desk untranslated unnoticed.
 */
const REFUSALS_EN: Readonly<Record<RefusalCode, string>> = {
  invalid_event: 'This action is unknown.',
  invalid_actor: 'The acting user is incomplete.',
  role_not_allowed: 'Your role may not take this action.',
  invalid_date: 'The date is not a valid date.',
  before_receipt: 'The date may not be before the application was received.',
  before_previous_event: 'The date may not be before the previous step of the case.',
  not_allowed_in_state: 'This action is not possible in the case’s current state.',
  case_closed: 'The case is closed.',
  invalid_snapshot: 'The stored state of the case is invalid.',
  invalid_payload: 'Some details of the action are missing or wrong.',
  already_done: 'This has already been done.',
  not_yet_due: 'The deadline has not passed yet.',
  same_approver: 'The same leader may not approve one decision twice.',
  fee_pending: 'The fee has not been paid yet (Art. 42).',
  future_date: 'The date may not be in the future.',
};

/** The codes the use cases give with their Chinese messages (CaseError). */
const CASE_ERRORS_EN: Readonly<Record<string, string>> = {
  version_conflict: 'Someone else changed the case meanwhile: reload it and try again.',
  read_only_scope: 'You may only act on cases of your own agency.',
  case_not_found: 'The case does not exist.',
  agency_not_found: 'The agency does not exist or is outside your scope.',
  agency_out_of_scope: 'The chosen agency is outside the agencies you may see.',
  duplicate_ref: 'The ref is already used by another case of the agency.',
  proceeding_not_found: 'The reconsideration or litigation record does not exist.',
  no_identity_number: 'No identity number was registered for this case.',
  invalid_assignee: 'The clerk must be an active clerk of the case’s agency.',
  same_assignee: 'The case is already assigned to that clerk.',
  case_finished: 'The case is finished.',
  invalid_cell: 'The report has no such row or column.',
};

const CODES_EN: Readonly<Record<string, string>> = { ...REFUSALS_EN, ...CASE_ERRORS_EN };

/** The error code the API sends beside its Chinese message, when it sends one. */
function codeOf(error: ApiError): string | undefined {
  const code = (error.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A failed call as the desk shows it. The API's messages are Chinese, written for the case at
 * hand; on the English desk a known error code adds its English line before the Chinese message
 * (kept, as it names the dates and refs). Free text without a code stays as the API wrote it.
 */
export function serverMessage(error: unknown, locale: Locale): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (locale !== 'en') return error.message;
  if (error.status === NETWORK_ERROR_STATUS) {
    return `The server cannot be reached. (${error.message})`;
  }
  const code = codeOf(error);
  const english = code && Object.hasOwn(CODES_EN, code) ? CODES_EN[code] : undefined;
  return english ? `${english} (${error.message})` : error.message;
}

/** `serverMessage` in the desk's current language. */
export function useServerMessage(): (error: unknown) => string {
  const { locale } = useLocale();
  return useCallback((error: unknown) => serverMessage(error, locale), [locale]);
}
