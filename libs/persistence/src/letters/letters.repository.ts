import type { EntityManager } from 'typeorm';
import { LetterTemplateEntity } from '../entities/letter-template.entity';

/** The agencies' own letter wordings and the 答复书 numbering. */
export class LettersRepository {
  constructor(private readonly m: EntityManager) {}

  templatesOf(agencyId: string): Promise<LetterTemplateEntity[]> {
    return this.m.getRepository(LetterTemplateEntity).find({ where: { agencyId } });
  }

  templateOf(agencyId: string, kind: string): Promise<LetterTemplateEntity | null> {
    return this.m.getRepository(LetterTemplateEntity).findOne({ where: { agencyId, kind } });
  }

  async saveTemplate(row: LetterTemplateEntity): Promise<void> {
    await this.m.getRepository(LetterTemplateEntity).upsert(row, ['agencyId', 'kind']);
  }

  async deleteTemplate(agencyId: string, kind: string): Promise<void> {
    await this.m.getRepository(LetterTemplateEntity).delete({ agencyId, kind });
  }

  /** The 答复书 number the case was given, or null before its first print after approval. */
  async decisionNumber(caseId: string): Promise<number | null> {
    const found = (await this.m.query(
      `SELECT number FROM letter_numbers WHERE case_id = $1 AND kind = 'decision'`,
      [caseId],
    )) as { number: number }[];
    return found[0]?.number ?? null;
  }

  /**
   * Gives the case the next number of its agency and year. One numbering per agency and year:
   * concurrent first prints wait for each other (a transaction-scoped lock, so the caller runs
   * this in its transaction).
   */
  async nextDecisionNumber(caseId: string, agencyId: string, year: number): Promise<number> {
    await this.m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `letter:${agencyId}:${year}`,
    ]);
    const [row] = (await this.m.query(
      `INSERT INTO letter_numbers (case_id, kind, agency_id, year, number)
       SELECT $1, 'decision', $2, $3, COALESCE(MAX(number), 0) + 1
         FROM letter_numbers WHERE agency_id = $2 AND year = $3 AND kind = 'decision'
       ON CONFLICT (case_id, kind) DO UPDATE SET number = letter_numbers.number
       RETURNING number`,
      [caseId, agencyId, year],
    )) as { number: number }[];
    return row?.number ?? 0;
  }
}
