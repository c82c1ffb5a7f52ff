import { type CaseEventCommand } from '@gongkai/domain';
import { type SendCaseEventRequest } from './case-event.schema';

/** Each request variant flattened: its type beside its own payload fields. */
type FlatRequest<R> = R extends SendCaseEventRequest ? { type: R['type'] } & R['payload'] : never;

/**
 * Compile-time proof that every schema variant is the domain's command of the same type: a zod
 * field that drifts from `CaseEvent` (a wider enum, a missing field) fails this line.
 */
const schemaMatchesDomain: FlatRequest<SendCaseEventRequest> extends CaseEventCommand
  ? true
  : never = true;
void schemaMatchesDomain;

/**
 * A validated event request as the domain's command: still one discriminated union (no record
 * on the way to the machine). The server adds the actor from the session:
 * `{ ...command, actor }` is a `CaseEvent`.
 */
export function caseEventCommandOf(request: SendCaseEventRequest): CaseEventCommand {
  // TypeScript does not correlate `type` and `payload` across a spread; the proof above does.
  return { type: request.type, ...request.payload } as FlatRequest<SendCaseEventRequest>;
}
