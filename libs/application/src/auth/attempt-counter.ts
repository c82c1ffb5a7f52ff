/**
 * Counts attempts per key within a window, shared by every API instance (Redis in the API).
 * `reserve` counts one attempt and says whether it is within the limit; `release` takes back a
 * reservation that turned out to be a success, so only failures use up the limit.
 */
export interface AttemptCounter {
  reserve(key: string, limit: number, windowMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}
