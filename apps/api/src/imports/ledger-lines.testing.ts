import type { DataSource } from 'typeorm';

// Test support for the import specs (not part of the app).

/** One decided ledger line (ledger-format.md) with the given ref; `extra` overrides fields. */
export function ledgerLine(ref: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ref,
    receivedOn: '2025-03-03',
    channel: 'online',
    applicant: { category: 'natural_person', name: '张三' },
    request: '申请公开某路段改造工程的立项批复',
    outcome: 'disclosed',
    decidedOn: '2025-03-20',
    ...extra,
  });
}

export async function caseCount(db: DataSource, agencyId: string): Promise<number> {
  const [row] = (await db.query('SELECT count(*) FROM cases WHERE agency_id = $1', [agencyId])) as {
    count: string;
  }[];
  return Number(row.count);
}
