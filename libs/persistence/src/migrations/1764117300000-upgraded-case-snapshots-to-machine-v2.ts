import type { MigrationInterface, QueryRunner } from 'typeorm';
import { caseStatus, restoreSnapshot, upgradePersistedSnapshot } from '@gongkai/domain';

const BATCH = 500;

/**
 * Case machine v2 (fee notice as a region of its own, so that a fee notice can be served during a
 * consultation): every stored v1 snapshot is rewritten by the domain's frozen v1 → v2 step, and
 * the new `fee_state` column is filled from it. The `state` column keeps its values: a case only
 * waiting for its fee still reads `awaitingFee`.
 */
export class UpgradedCaseSnapshotsToMachineV21764117300000 implements MigrationInterface {
  name = 'UpgradedCaseSnapshotsToMachineV21764117300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN fee_state text NOT NULL DEFAULT 'none'
      CHECK (fee_state IN ('none', 'awaiting', 'paid', 'unpaid'))`);
    for (;;) {
      const rows = (await q.query(
        `SELECT id, snapshot FROM cases WHERE machine_version = 1 ORDER BY id LIMIT $1`,
        [BATCH],
      )) as { id: string; snapshot: unknown }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const upgraded = upgradePersistedSnapshot(row.snapshot) as { machineVersion?: unknown };
        // A snapshot that does not restore (hand-made test rows) keeps its state columns.
        let fee = 'none';
        try {
          fee = caseStatus(restoreSnapshot(upgraded)).fee;
        } catch {
          fee = 'none';
        }
        await q.query(
          `UPDATE cases SET snapshot = $2::jsonb, machine_version = 2, fee_state = $3 WHERE id = $1`,
          [row.id, JSON.stringify(upgraded), fee],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // v1 had no place for a notice served during a consultation: such cases cannot go back.
    const [{ n }] = (await q.query(
      `SELECT count(*)::int AS n FROM cases
        WHERE NOT closed AND fee_state = 'awaiting' AND state <> 'awaitingFee'`,
    )) as { n: number }[];
    if (n > 0) throw new Error(`${n} 件案件在征求意见期间送达了收费通知，无法退回状态机第1版`);
    await q.query(`
      UPDATE cases SET machine_version = 1, snapshot = jsonb_set(
        jsonb_set(snapshot, '{machineVersion}', '1'), '{context,machineVersion}', '1')
        || CASE WHEN snapshot->'value' ? 'open' THEN jsonb_build_object('value', jsonb_build_object(
             'open', jsonb_build_object(
               'procedure', CASE WHEN state = 'awaitingFee' THEN 'awaitingFee'
                                 ELSE snapshot->'value'->'open'->>'procedure' END,
               'extension', snapshot->'value'->'open'->>'extension')))
           ELSE '{}'::jsonb END`);
    await q.query('ALTER TABLE cases DROP COLUMN fee_state');
  }
}
