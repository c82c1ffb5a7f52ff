import type { ReportCheckView } from '@gongkai/contracts';
import {
  type AnnualReport,
  type CellRef,
  describeCell,
  section2Value,
  section3Row,
  SECTION3_COLUMNS,
  type Section3RowKey,
  type Section4Column,
  type Section4Group,
} from '@gongkai/report/core';
import { useMessages } from '@gongkai/ui';
import { Alert, Button, List, Tag, Typography } from 'antd';
import { studioMessages } from './studio.messages';

/** The printed value of a cell a check names. */
export function reportCellValue(report: AnnualReport, ref: CellRef): number | null | undefined {
  if (ref.section === '3')
    return section3Row(report, ref.row as Section3RowKey)[
      SECTION3_COLUMNS.indexOf(ref.column as (typeof SECTION3_COLUMNS)[number])
    ];
  if (ref.section === '4')
    return report.section4[ref.row as Section4Group]?.[ref.column as Section4Column];
  return section2Value(report.section2, ref.row, ref.column);
}

/** A failing N1/N2: the sentence of the text beside the cells it contradicts, with their values. */
function NarrativeContradiction({
  check,
  cellValue,
}: {
  check: ReportCheckView;
  cellValue: (ref: CellRef) => number | null | undefined;
}) {
  const t = useMessages(studioMessages);
  return (
    <div
      data-testid={`narrative-${check.id}`}
      style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12, marginTop: 4 }}
    >
      <div>
        <Typography.Text type="secondary">{t.narrativeSentence}</Typography.Text>
        <blockquote style={{ margin: 0, fontSize: 13 }}>{check.sentence}</blockquote>
      </div>
      <div>
        <Typography.Text type="secondary">{t.narrativeCells}</Typography.Text>
        <ul style={{ margin: 0, paddingLeft: 16, fontSize: 13 }}>
          {check.cells.map((c) => (
            <li key={`${c.section}/${c.row}/${c.column}`}>
              {describeCell(c as CellRef)}：{cellValue(c as CellRef) ?? '—'}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** I1–I7, N1/N2 and the cross-year check; a failing one can mark its cells in the report. */
export function ChecksPanel({
  checks,
  blockers,
  onShowCells,
  cellValue = () => undefined,
}: {
  checks: ReportCheckView[];
  blockers: ReportCheckView[];
  onShowCells: (check: ReportCheckView) => void;
  cellValue?: (ref: CellRef) => number | null | undefined;
}) {
  const t = useMessages(studioMessages);
  const failing = checks.filter((c) => !c.ok);
  return (
    <section aria-labelledby="checks-title" data-testid="checks-panel">
      <Typography.Title level={2} id="checks-title" style={{ fontSize: 16 }}>
        {t.checksTitle}
      </Typography.Title>
      {blockers.length > 0 && (
        <Alert type="error" showIcon title={t.blockersHint} style={{ marginBottom: 8 }} />
      )}
      {failing.length === 0 && <Tag color="green">{t.checksOk}</Tag>}
      <List
        size="small"
        dataSource={checks}
        renderItem={(check) => (
          <List.Item
            data-testid={`check-${check.id}`}
            actions={
              !check.ok && check.cells.length > 0
                ? [
                    <Button key="show" size="small" type="link" onClick={() => onShowCells(check)}>
                      {t.showCells}
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Tag color={check.ok ? 'green' : check.level === 'error' ? 'red' : 'orange'}>
                {check.id} ·{' '}
                {check.ok ? t.checkPassed : check.level === 'error' ? t.checkError : t.checkWarning}
              </Tag>
              <span style={{ fontSize: 13 }}>{check.message}</span>
              {!check.ok && check.sentence && (
                <NarrativeContradiction check={check} cellValue={cellValue} />
              )}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
