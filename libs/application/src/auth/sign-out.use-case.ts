import type { DataSource } from 'typeorm';
import type { Clock } from '../common/clock';
import { hashToken } from './sessions';

/** Ends the session of this token (logout); an unknown token changes nothing. */
export class SignOut {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<void> {
    await this.db.query(
      'UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL',
      [hashToken(token), this.clock.now()],
    );
  }
}
