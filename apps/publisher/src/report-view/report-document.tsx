import {
  parseReportJson,
  reportTables,
  SECTION_HEADINGS,
  type AnnualReport,
  type CellRef,
  type LayoutCell,
  type LayoutTable,
} from '@gongkai/report/core';
import type { ReactNode } from 'react';

export const cellKey = (ref: Pick<CellRef, 'row' | 'column'> & { section: string }): string =>
  `${ref.section}/${ref.row}/${ref.column}`;

/** The report JSON of an API answer as the model (checks are re-run by whoever needs them). */
export function reportFromJson(json: unknown): AnnualReport {
  return parseReportJson(JSON.stringify(json));
}

const border = '1px solid #595959';

function ReportTable({
  table,
  flagged,
  caption,
  renderValue,
}: {
  table: LayoutTable;
  flagged: ReadonlySet<string>;
  caption: string;
  renderValue?: (cell: LayoutCell) => ReactNode;
}) {
  return (
    <div style={{ overflowX: 'auto', margin: '8px 0 16px' }}>
      <table
        className={`report-table section-${table.section}`}
        style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13, background: '#fff' }}
      >
        <caption className="visually-hidden" style={{ position: 'absolute', left: -10000 }}>
          {caption}
        </caption>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => {
                const isHead = cell.kind === 'header' || cell.kind === 'caption';
                const key = cell.ref ? cellKey(cell.ref) : undefined;
                const isFlagged = key !== undefined && flagged.has(key);
                const style = {
                  border,
                  padding: '3px 6px',
                  textAlign: cell.kind === 'label' ? ('left' as const) : ('center' as const),
                  background: isHead ? '#fafafa' : undefined,
                  fontWeight: isHead ? 600 : undefined,
                  minWidth: cell.kind === 'value' ? 44 : undefined,
                  fontVariantNumeric: 'tabular-nums' as const,
                };
                const content =
                  cell.kind === 'value' && renderValue ? renderValue(cell) : cell.text;
                return isHead ? (
                  <th
                    key={c}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    style={style}
                    scope="col"
                  >
                    {content}
                  </th>
                ) : (
                  <td
                    key={c}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    style={style}
                    data-cell={key}
                    className={isFlagged ? 'report-cell-flagged' : undefined}
                    aria-invalid={isFlagged || undefined}
                  >
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return (
    <>
      {lines.map((line, i) =>
        // 一's part headings （一）…（五） print as run-in headings, as in the published reports.
        /^（[一二三四五六七八九十]+）/.test(line) && line.length <= 20 ? (
          <h3 key={i} style={{ fontSize: 16, margin: '12px 0 4px' }}>
            {line}
          </h3>
        ) : (
          <p key={i} style={{ textIndent: '2em', margin: '0 0 6px', lineHeight: 1.8 }}>
            {line}
          </p>
        ),
      )}
    </>
  );
}

/**
 * A report in the official layout: the six headings of its format, 一/五/六 as text, the tables of
 * 二/三/四 with their merged cells from libs/report, so no label is typed twice. Cells named in
 * `flagged` are marked (a failing check), and value cells may be rendered by the caller.
 */
export function ReportDocument({
  report,
  flagged = new Set<string>(),
  renderValue,
  titleLevel = 1,
}: {
  report: AnnualReport;
  flagged?: ReadonlySet<string>;
  renderValue?: (cell: LayoutCell) => ReactNode;
  titleLevel?: 1 | 2;
}) {
  const headings = SECTION_HEADINGS[report.format];
  const tables = reportTables(report);
  const title = `${report.agency.name}${report.year}年度政府信息公开工作年度报告`;
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  const Heading = titleLevel === 1 ? 'h2' : 'h3';
  const h = (i: number) => (
    <Heading style={{ fontSize: 18, margin: '24px 0 8px' }}>{headings[i]}</Heading>
  );
  return (
    <article className="report-document" lang="zh-CN" style={{ fontSize: 15 }}>
      <Title style={{ textAlign: 'center', fontSize: 24, margin: '8px 0 24px' }}>{title}</Title>
      <section data-section="1">
        {h(0)}
        <Paragraphs text={report.texts.overview} />
      </section>
      <section data-section="2">
        {h(1)}
        {tables.section2.map((table, i) => (
          <ReportTable
            key={i}
            table={table}
            flagged={flagged}
            caption={`${headings[1]}（${i + 1}）`}
            renderValue={renderValue}
          />
        ))}
      </section>
      <section data-section="3">
        {h(2)}
        <ReportTable
          table={tables.section3}
          flagged={flagged}
          caption={headings[2] ?? ''}
          renderValue={renderValue}
        />
      </section>
      <section data-section="4">
        {h(3)}
        <ReportTable
          table={tables.section4}
          flagged={flagged}
          caption={headings[3] ?? ''}
          renderValue={renderValue}
        />
      </section>
      <section data-section="5">
        {h(4)}
        <Paragraphs text={report.texts.problems} />
      </section>
      <section data-section="6">
        {h(5)}
        <Paragraphs text={report.texts.other} />
      </section>
    </article>
  );
}
