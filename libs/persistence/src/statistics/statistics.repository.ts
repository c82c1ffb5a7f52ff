import { isOutcome, isProceedingKind, type Outcome } from '@gongkai/domain';
import type { EntityManager } from 'typeorm';
import {
  formatForYear,
  SECTION3_COLUMNS,
  section3RowKeys,
  section3RowOf,
  SECTION4_COLUMNS,
  zeroSection3,
  zeroSection4,
  type ReportFormat,
  type Section3ColumnKey,
  type Section3RowKey,
  type Section4Column,
} from '@gongkai/report/core';
import {
  type CellCase,
  type CellDrillDown,
  type CellProceeding,
  type FeeTotals,
  type Section3Counts,
  type Section4Counts,
  type StatisticsScope,
  type YearStatistics,
} from './year-statistics';

/** Anything that runs SQL: the DataSource's manager, or an EntityManager inside a transaction. */
export type Queryable = Pick<EntityManager, 'query' | 'transaction'>;

/** A statistics request the caller got wrong (unknown row or column, bad year). */
export class StatisticsInputError extends Error {}

// The predicates of DESIGN.md "The annual report", written once and shared by the aggregation
// and the drill-down, so that a cell's count always equals the length of its drill-down.
// $1 agency ids, $2 1 January, $3 31 December of the year.
const AGENCY_FILTER = 'c.agency_id = ANY($1::uuid[])';
/** Counted in the year at all: received by 31 December and not decided before 1 January. */
const IN_YEAR = `${AGENCY_FILTER} AND c.received_on <= $3::date AND (c.decided_on IS NULL OR c.decided_on >= $2::date)`;
/** 一 (本年新收), within IN_YEAR; otherwise 二 (上年结转). */
const RECEIVED_IN_YEAR = 'c.received_on >= $2::date';
/** An outcome row (Project rule 2: by decision date), within IN_YEAR; otherwise 四 (结转下年度). */
const DECIDED_IN_YEAR = 'c.decided_on <= $3::date';
/** Section 四 (Project rule 6): filed in the year, its result as at 31 December. */
const FILED_IN_YEAR = 'p.agency_id = ANY($1::uuid[]) AND p.filed_on BETWEEN $2::date AND $3::date';
const CONCLUDED_BY_YEAR_END = 'p.result IS NOT NULL AND p.concluded_on <= $3::date';

function yearBounds(year: number): [string, string] {
  if (!Number.isInteger(year) || year < 1949 || year > 2999) {
    throw new StatisticsInputError(`无效的年度：${year}`);
  }
  return [`${year}-01-01`, `${year}-12-31`];
}

interface Section3GroupRow {
  agency_id?: string;
  category: string;
  outcome: string | null;
  received: number;
  carried_in: number;
}

/**
 * One row per (category, outcome-or-open) with the 一/二 split as two counts. `byAgency` adds the
 * agency to the grouping; `allAgencies` drops the agency filter (every agency of the year).
 */
function section3Sql(byAgency: boolean, allAgencies = false): string {
  const where = allAgencies ? IN_YEAR.replace(AGENCY_FILTER, '$1::uuid[] IS NULL') : IN_YEAR;
  return `
    SELECT ${byAgency ? 'c.agency_id, ' : ''}c.applicant_category AS category,
           CASE WHEN ${DECIDED_IN_YEAR} THEN c.outcome END AS outcome,
           count(*) FILTER (WHERE ${RECEIVED_IN_YEAR})::int AS received,
           count(*) FILTER (WHERE NOT (${RECEIVED_IN_YEAR}))::int AS carried_in
      FROM cases c
     WHERE ${where}
     GROUP BY ${byAgency ? '1, 2, 3' : '1, 2'}`;
}

/** Adds one aggregated group (category × outcome-or-open) into the table. */
function addGroup(table: Section3Counts, format: ReportFormat, g: Section3GroupRow): void {
  const column = SECTION3_COLUMNS.indexOf(g.category as Section3ColumnKey);
  if (column < 0 || g.category === 'total') {
    throw new Error(`case with unknown applicant category ${g.category}`);
  }
  const total = SECTION3_COLUMNS.length - 1;
  const n = g.received + g.carried_in;
  const add = (key: Section3RowKey, count: number): void => {
    const row = table.rows[key];
    if (!row) throw new Error(`row ${key} is not in the ${format} format`);
    row[column] = (row[column] ?? 0) + count;
    row[total] = (row[total] ?? 0) + count;
  };
  add('received', g.received);
  add('carried_in', g.carried_in);
  if (g.outcome === null) {
    add('carried_forward', n);
  } else {
    if (!isOutcome(g.outcome)) throw new Error(`case with unknown outcome ${g.outcome}`);
    add(section3RowOf(g.outcome, format), n);
    add('total', n);
  }
}

/**
 * Sections 三 and 四 and the fee figures of 六 straight from the tables, one query each, for one
 * agency or a supervising agency's subtree; and the drill-down from any cell to what it counts.
 */
export class StatisticsRepository {
  constructor(private readonly db: Queryable) {}

  /** The agencies a scope covers: one, or its subtree by materialised path (cut to `within`). */
  async agencyIds(scope: StatisticsScope): Promise<string[]> {
    let ids = [scope.agencyId];
    if (scope.subtree) {
      const rows = (await this.db.query(
        `SELECT d.id FROM agencies a JOIN agencies d ON d.path LIKE a.path || '%' WHERE a.id = $1`,
        [scope.agencyId],
      )) as { id: string }[];
      ids = rows.map((r) => r.id);
    }
    if (scope.within) {
      const allowed = new Set(scope.within);
      ids = ids.filter((id) => allowed.has(id));
    }
    return ids;
  }

  async section3(
    scope: StatisticsScope,
    year: number,
    format: ReportFormat = formatForYear(year),
  ): Promise<Section3Counts> {
    const ids = await this.agencyIds(scope);
    return this.section3ForIds(ids, year, format);
  }

  async section3ForIds(
    agencyIds: readonly string[],
    year: number,
    format: ReportFormat = formatForYear(year),
  ): Promise<Section3Counts> {
    const [start, end] = yearBounds(year);
    const table = zeroSection3(format);
    const rows = (await this.db.query(section3Sql(false), [
      agencyIds,
      start,
      end,
    ])) as Section3GroupRow[];
    for (const g of rows) addGroup(table, format, g);
    return table;
  }

  /**
   * Section 三 of every agency for one year in a single query (open-data index, year close,
   * a supervising office's overview); agencies without a case in the year are absent.
   */
  async section3ByAgency(
    year: number,
    agencyIds?: readonly string[],
    format: ReportFormat = formatForYear(year),
  ): Promise<Map<string, Section3Counts>> {
    const [start, end] = yearBounds(year);
    // One row per agency carrying its groups as JSON: ~10^5 groups would otherwise cross the
    // wire as as many rows, which costs more in the driver than the aggregation in the server.
    const sql = `SELECT g.agency_id, json_agg(json_build_array(g.category, g.outcome, g.received, g.carried_in)) AS groups
                   FROM (${section3Sql(true, agencyIds === undefined)}) g
                  GROUP BY g.agency_id`;
    // A reporting query over a year of every agency: with the default work_mem PostgreSQL sorts
    // ~10^5 groups on disk; given memory and cheap parallelism it hash-aggregates a parallel scan
    // (tools/bench/statistics). SET LOCAL ends with this transaction.
    const rows = await this.db.transaction(async (m) => {
      await m.query(`SET LOCAL work_mem = '64MB'`);
      await m.query('SET LOCAL parallel_setup_cost = 0');
      await m.query('SET LOCAL parallel_tuple_cost = 0');
      return (await m.query(sql, [agencyIds ?? null, start, end])) as {
        agency_id: string;
        groups: [string, string | null, number, number][];
      }[];
    });
    const out = new Map<string, Section3Counts>();
    for (const row of rows) {
      const table = zeroSection3(format);
      for (const [category, outcome, received, carried_in] of row.groups) {
        addGroup(table, format, { category, outcome, received, carried_in });
      }
      out.set(row.agency_id, table);
    }
    return out;
  }

  async section4(scope: StatisticsScope, year: number): Promise<Section4Counts> {
    return this.section4ForIds(await this.agencyIds(scope), year);
  }

  async section4ForIds(agencyIds: readonly string[], year: number): Promise<Section4Counts> {
    const [start, end] = yearBounds(year);
    const rows = (await this.db.query(
      `SELECT p.kind, CASE WHEN ${CONCLUDED_BY_YEAR_END} THEN p.result ELSE 'pending' END AS result,
              count(*)::int AS n
         FROM proceedings p
        WHERE ${FILED_IN_YEAR}
        GROUP BY 1, 2`,
      [agencyIds, start, end],
    )) as { kind: string; result: string; n: number }[];
    const table = zeroSection4();
    for (const r of rows) {
      if (!isProceedingKind(r.kind)) throw new Error(`proceeding with unknown kind ${r.kind}`);
      const group = table[r.kind];
      group[r.result as Section4Column] += r.n;
      group.total += r.n;
    }
    return table;
  }

  /** Project rule 7, from the case snapshots: notices served, fees paid, closed for non-payment. */
  async fees(scope: StatisticsScope, year: number): Promise<FeeTotals> {
    return this.feesForIds(await this.agencyIds(scope), year);
  }

  async feesForIds(agencyIds: readonly string[], year: number): Promise<FeeTotals> {
    const [start, end] = yearBounds(year);
    // A fee notice and its payment come before the decision, so IN_YEAR holds every case whose
    // notice or payment falls in the year.
    const [row] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE (c.snapshot #>> '{context,fee,servedOn}')::date BETWEEN $2::date AND $3::date)::int AS notices,
              coalesce(sum((c.snapshot #>> '{context,fee,amountYuan}')::numeric)
                FILTER (WHERE (c.snapshot #>> '{context,fee,paidOn}')::date BETWEEN $2::date AND $3::date), 0)::text AS amount,
              count(*) FILTER (WHERE c.outcome = 'other.fee_unpaid' AND ${DECIDED_IN_YEAR})::int AS unpaid
         FROM cases c
        WHERE ${IN_YEAR}`,
      [agencyIds, start, end],
    )) as { notices: number; amount: string; unpaid: number }[];
    return {
      year,
      amountYuan: Number(row?.amount ?? 0),
      noticeCount: row?.notices ?? 0,
      unpaidCount: row?.unpaid ?? 0,
    };
  }

  /** Everything the report's numbers need, for one scope and year. */
  async yearStatistics(
    scope: StatisticsScope,
    year: number,
    format: ReportFormat = formatForYear(year),
  ): Promise<YearStatistics> {
    const ids = await this.agencyIds(scope);
    // In turn, not in parallel: inside a transaction the manager has a single connection.
    const section3 = await this.section3ForIds(ids, year, format);
    const section4 = await this.section4ForIds(ids, year);
    const fees = await this.feesForIds(ids, year);
    return { year, format, section3, section4, fees };
  }

  /**
   * The cases (section 三) or proceedings (section 四) counted in one cell. `row` is a row key
   * of codes.md (an outcome, `received`, … or a proceeding kind); `column` an applicant category,
   * a proceeding result or `total`.
   */
  async cell(
    scope: StatisticsScope,
    year: number,
    row: string,
    column: string,
    format: ReportFormat = formatForYear(year),
  ): Promise<CellDrillDown> {
    const [start, end] = yearBounds(year);
    const ids = await this.agencyIds(scope);
    if (isProceedingKind(row)) {
      if (!SECTION4_COLUMNS.includes(column as Section4Column)) {
        throw new StatisticsInputError(`第四部分没有“${column}”列`);
      }
      const params: unknown[] = [ids, start, end, row];
      let resultFilter = '';
      if (column === 'pending') resultFilter = `AND NOT (${CONCLUDED_BY_YEAR_END})`;
      else if (column !== 'total') {
        params.push(column);
        resultFilter = `AND ${CONCLUDED_BY_YEAR_END} AND p.result = $5`;
      }
      const rows = (await this.db.query(
        `SELECT p.id, a.code AS "agencyCode", p.case_id AS "caseId", c.ref AS "caseRef", p.kind,
                to_char(p.filed_on, 'YYYY-MM-DD') AS "filedOn", p.result,
                to_char(p.concluded_on, 'YYYY-MM-DD') AS "concludedOn"
           FROM proceedings p
           JOIN agencies a ON a.id = p.agency_id
           LEFT JOIN cases c ON c.id = p.case_id
          WHERE ${FILED_IN_YEAR} AND p.kind = $4 ${resultFilter}
          ORDER BY p.filed_on, p.id`,
        params,
      )) as CellProceeding[];
      return { section: '4', row, column, count: rows.length, proceedings: rows };
    }

    if (!section3RowKeys(format).includes(row as Section3RowKey)) {
      throw new StatisticsInputError(`第三部分（${format}年格式）没有“${row}”行`);
    }
    if (!SECTION3_COLUMNS.includes(column as Section3ColumnKey)) {
      throw new StatisticsInputError(`第三部分没有“${column}”列`);
    }
    const params: unknown[] = [ids, start, end];
    let rowFilter: string;
    switch (row as Section3RowKey) {
      case 'received':
        rowFilter = RECEIVED_IN_YEAR;
        break;
      case 'carried_in':
        rowFilter = `NOT (${RECEIVED_IN_YEAR})`;
        break;
      case 'total':
        rowFilter = DECIDED_IN_YEAR;
        break;
      case 'carried_forward':
        rowFilter = `(c.decided_on IS NULL OR NOT (${DECIDED_IN_YEAR}))`;
        break;
      case 'other':
        rowFilter = `${DECIDED_IN_YEAR} AND c.outcome LIKE 'other.%'`;
        break;
      default:
        params.push(row as Outcome);
        rowFilter = `${DECIDED_IN_YEAR} AND c.outcome = $${params.length}`;
    }
    let columnFilter = '';
    if (column !== 'total') {
      params.push(column);
      columnFilter = `AND c.applicant_category = $${params.length}`;
    }
    const rows = (await this.db.query(
      `SELECT c.id, a.code AS "agencyCode", c.ref, to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn",
              to_char(c.decided_on, 'YYYY-MM-DD') AS "decidedOn", c.outcome,
              c.applicant_category AS "applicantCategory", c.state
         FROM cases c
         JOIN agencies a ON a.id = c.agency_id
        WHERE ${IN_YEAR} AND ${rowFilter} ${columnFilter}
        ORDER BY c.received_on, c.ref, c.id`,
      params,
    )) as CellCase[];
    return { section: '3', row, column, count: rows.length, cases: rows };
  }
}
