import type { SendCaseEventRequest } from '@gongkai/contracts';
import type { CaseEventInput } from '@gongkai/application';

/** A request variant as the machine takes it: the type beside the payload's fields. */
type Flattened<R> = R extends { readonly type: infer T; readonly payload: infer P }
  ? { readonly type: T } & P
  : never;

/**
 * Compile-time proof that every variant of the contracts' union, flattened, is the domain's
 * event of the same type: a schema field the machine does not know, or a missing one, fails here.
 */
type EveryVariantIsAnEvent = Flattened<SendCaseEventRequest> extends CaseEventInput ? true : never;
const everyVariantIsAnEvent: EveryVariantIsAnEvent = true;
void everyVariantIsAnEvent;

/** The validated request as the domain's event (the actor is set by the use case). */
export function caseEventOf(request: SendCaseEventRequest): CaseEventInput {
  // A spread does not keep `type` correlated with `payload`; the proof above checks each variant.
  return { type: request.type, ...request.payload } as Flattened<SendCaseEventRequest>;
}
