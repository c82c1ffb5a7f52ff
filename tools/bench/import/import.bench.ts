// Benchmark of the ledger import (run by hand, never in tests): `npm run bench:import`.
// In its own database (gongkai_bench_import; BENCH_DATABASE_URL overrides) it imports a generated
// JSON Lines ledger of BENCH_LINES lines (default 100,000) and a generated hand-typed workbook of
// BENCH_ROWS rows (default 20,000) into fresh agencies, then each again (nothing changes), and
// prints wall time and lines (rows) per second. Writes overlap the checking (replay in memory), so
// an import's time is split only into checking (with the writes made meanwhile) and what is left
// after it: the last writes and the commit. This process's CPU time is printed beside the wall
// time, as the machine may be shared.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { addDays, APPLICANT_CATEGORY_CODES, type LocalDate } from '@gongkai/domain';
import {
  importLedger,
  readJsonl,
  readXlsx,
  type LedgerImportProgress,
  type LedgerReading,
  type RawLedgerLine,
} from '@gongkai/application';
import { CaseTransitionService } from '@gongkai/application';
import { createDataSource, ensureAgency, migrate } from '@gongkai/persistence';

const URL_ =
  process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_bench_import';
const LINES = Number(process.env['BENCH_LINES'] ?? 100_000);
const ROWS = Number(process.env['BENCH_ROWS'] ?? 20_000);
const TODAY: LocalDate = '2025-06-30';

const log = (m: string): void => void process.stderr.write(`[bench] ${m}\n`);
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms).toLocaleString('en');

/** A ledger line of case i: the mix of a real register (most answered, some 补正, fees, consultations). */
function line(i: number): Record<string, unknown> {
  const receivedOn = addDays('2023-01-02', i % 700);
  const category = APPLICANT_CATEGORY_CODES[i % 7 === 0 ? 1 + (i % 5) : 0];
  const base = {
    ref: `L-${i}`,
    receivedOn,
    channel: ['online', 'post', 'in_person', 'email'][i % 4],
    applicant: { category, name: `申请人${i}` },
    request: `申请公开第${i}号文件`,
  };
  const served = (decidedOn: LocalDate) => ({
    decidedOn,
    service: { method: 'post', servedOn: addDays(decidedOn, 1) },
  });
  switch (i % 20) {
    case 0:
      return {
        ...base,
        supplement: { requestedOn: addDays(receivedOn, 1), dueOn: addDays(receivedOn, 10) },
        outcome: 'other.supplement_overdue',
        decidedOn: addDays(receivedOn, 11),
        service: { method: 'post', servedOn: addDays(receivedOn, 12) },
      };
    case 1:
      return {
        ...base,
        consultations: [
          {
            party: 'third_party',
            sentOn: addDays(receivedOn, 2),
            repliedOn: addDays(receivedOn, 9),
          },
        ],
        outcome: 'partially_disclosed',
        ...served(addDays(receivedOn, 16)),
      };
    case 2:
      return {
        ...base,
        fee: {
          noticeServedOn: addDays(receivedOn, 2),
          amountYuan: 100,
          paidOn: addDays(receivedOn, 5),
        },
        outcome: 'disclosed',
        ...served(addDays(receivedOn, 15)),
      };
    case 3:
      return { ...base, withdrawnOn: addDays(receivedOn, 3), outcome: 'other.other' };
    case 4:
      return { ...base, outcome: 'unavailable.not_held', ...served(addDays(receivedOn, 10)) };
    default:
      return { ...base, outcome: 'disclosed', ...served(addDays(receivedOn, 8)) };
  }
}

async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  sheet.addRow(['某某局政府信息公开申请登记台账']);
  sheet.mergeCells('A1:K1');
  sheet.addRow([
    '序号',
    '登记编号',
    '收件日期',
    '提交方式',
    '申请人类别',
    '申请人姓名（名称）',
    '申请公开内容',
    '处理结果',
    '办结日期',
    '送达方式',
    '送达日期',
  ]);
  const outcomes = [
    '予以公开',
    '（五）2.重复申请',
    '不予公开—属于国家秘密',
    '信息不存在',
    '部分公开',
  ];
  for (let i = 0; i < rows; i++) {
    const receivedOn = addDays('2023-01-02', i % 700);
    const [y, m, d] = receivedOn.split('-').map(Number);
    const decidedOn = addDays(receivedOn, 8);
    const styles = [
      `${y}/${m}/${d}`,
      `${y}年${m}月${d}日`,
      `${y}.${m}.${d}`,
      new Date(Date.UTC(y, m - 1, d)),
    ];
    sheet.addRow([
      i + 1,
      `W-${i}`,
      styles[i % 4],
      ['当面提交', '信函', '网上', '邮箱'][i % 4],
      i % 7 === 0 ? '企业' : '自然人',
      `申请人\u3000${i}`,
      `申请公开第${i}号文件`,
      outcomes[i % outcomes.length],
      decidedOn,
      i % 2 ? '邮寄' : '直接送达',
      addDays(decidedOn, 1),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function timedImport(
  label: string,
  unit: 'lines' | 'rows',
  transitions: CaseTransitionService,
  ds: Parameters<typeof importLedger>[0],
  ledger: LedgerReading | readonly RawLedgerLine[],
  agencyId: string,
): Promise<number> {
  const n = 'lines' in ledger ? ledger.lines.length : ledger.length;
  let checked = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await importLedger(ds, transitions, ledger, {
    agencyId,
    onProgress: (p: LedgerImportProgress) => {
      if (p.phase === 'validating' && p.done === p.total) checked = performance.now();
    },
  });
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (report.rejected.length) {
    throw new Error(
      `${label}: ${report.rejected.length} rejected, first ${JSON.stringify(report.rejected[0])}`,
    );
  }
  const rest = t0 + total - checked;
  log(
    `${label}: ${n.toLocaleString('en')} ${unit} in ${(total / 1000).toFixed(1)} s = ${rate(n, total)} ${unit}/s ` +
      `(checking and writing ${((total - rest) / 1000).toFixed(1)} s, last writes and commit ` +
      `${(rest / 1000).toFixed(1)} s; node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ` +
      `imported ${report.imported}, unchanged ${report.unchanged})`,
  );
  return total;
}

async function main(): Promise<void> {
  const start = performance.now();
  await migrate(URL_);
  const ds = await createDataSource(URL_).initialize();
  const transitions = new CaseTransitionService(ds, { today: () => TODAY });
  try {
    const agency = async (name: string) =>
      (await ensureAgency(ds.manager, { code: `bench-${name}-${randomUUID().slice(0, 8)}`, name }))
        .agency.id;

    let t0 = performance.now();
    const text = Array.from({ length: LINES }, (_, i) => JSON.stringify(line(i))).join('\n');
    const generated = performance.now();
    const lines = readJsonl(text);
    const jsonlReadMs = performance.now() - generated;
    log(
      `JSONL: generated ${LINES.toLocaleString('en')} lines in ${((generated - t0) / 1000).toFixed(1)} s, read in ${(jsonlReadMs / 1000).toFixed(1)} s`,
    );
    const jsonlAgency = await agency('jsonl');
    const jsonlMs = await timedImport('JSONL import', 'lines', transitions, ds, lines, jsonlAgency);
    log(
      `JSONL read and import: ${rate(LINES, jsonlReadMs + jsonlMs)} lines/s (${((jsonlReadMs + jsonlMs) / 1000).toFixed(1)} s)`,
    );
    await timedImport('JSONL again', 'lines', transitions, ds, lines, jsonlAgency);

    t0 = performance.now();
    const buffer = await workbook(ROWS);
    log(
      `XLSX: wrote ${ROWS.toLocaleString('en')} rows (${(buffer.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();
    const reading = await readXlsx(buffer);
    const readMs = performance.now() - t0;
    log(
      `XLSX read: ${reading.lines.length.toLocaleString('en')} rows in ${(readMs / 1000).toFixed(1)} s = ${rate(reading.lines.length, readMs)} rows/s`,
    );
    const xlsxAgency = await agency('xlsx');
    const xlsxMs = await timedImport('XLSX import', 'rows', transitions, ds, reading, xlsxAgency);
    log(
      `XLSX read and import: ${rate(reading.lines.length, readMs + xlsxMs)} rows/s (${((readMs + xlsxMs) / 1000).toFixed(1)} s)`,
    );
    await timedImport('XLSX again', 'rows', transitions, ds, await readXlsx(buffer), xlsxAgency);
  } finally {
    await ds.destroy();
  }
  log(`total wall time ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
