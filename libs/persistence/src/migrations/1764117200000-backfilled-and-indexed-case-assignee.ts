import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 经办人 of a case is `cases.assigned_clerk_id` (created with the table, set at registration
 * and read by the alert sweep). Cases registered before the desk set it get the clerk who
 * registered them, as the REGISTERED journal row names that actor; the workbench's "my open
 * cases" reads it through a partial index.
 */
export class BackfilledAndIndexedCaseAssignee1764117200000 implements MigrationInterface {
  name = 'BackfilledAndIndexedCaseAssignee1764117200000';

  async up(q: QueryRunner): Promise<void> {
    // Only a clerk of the case's own agency can be its 经办人; imports by an administrator and
    // online applications (the system actor) stay unassigned until a leader assigns them. The
    // journal is not written: the REGISTERED row already records who registered the case.
    await q.query(`
      UPDATE cases c SET assigned_clerk_id = u.id
        FROM case_events e JOIN users u ON u.id::text = e.actor_id
       WHERE e.case_id = c.id AND e.seq = 1 AND e.type = 'REGISTERED'
         AND c.assigned_clerk_id IS NULL
         AND u.agency_id = c.agency_id AND 'clerk' = ANY(u.roles)`);
    await q.query(
      'CREATE INDEX cases_open_assignee_idx ON cases (agency_id, assigned_clerk_id) WHERE NOT closed',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The backfilled assignees stay: they are what registration sets today.
    await q.query('DROP INDEX cases_open_assignee_idx');
  }
}
