import type { LayoutCell, LayoutTable } from '@gongkai/report/core';
import type { ReactNode } from 'react';

/**
 * An official table as laid out by libs/report (`reportTables`): merged cells as rowSpan/colSpan,
 * labels exactly as in the format. Value cells can be made clickable or editable.
 */
export function ReportTable({
  table,
  renderValue,
  testId,
}: {
  table: LayoutTable;
  renderValue?: (cell: LayoutCell) => ReactNode;
  testId?: string;
}) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid={testId}
        style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13, background: '#fff' }}
      >
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => {
                const style = {
                  border: '1px solid #8c8c8c',
                  padding: '4px 6px',
                  textAlign: cell.kind === 'value' ? ('center' as const) : ('left' as const),
                  background:
                    cell.kind === 'header' || cell.kind === 'caption' ? '#fafafa' : undefined,
                  fontWeight: cell.kind === 'caption' ? 600 : undefined,
                  minWidth: cell.kind === 'value' ? 48 : undefined,
                };
                const content =
                  cell.kind === 'value' && renderValue ? renderValue(cell) : cell.text;
                return cell.kind === 'header' || cell.kind === 'caption' ? (
                  <th key={c} rowSpan={cell.rowSpan} colSpan={cell.colSpan} style={style}>
                    {content}
                  </th>
                ) : (
                  <td
                    key={c}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    style={style}
                    data-row={cell.ref?.row}
                    data-column={cell.ref?.column}
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
