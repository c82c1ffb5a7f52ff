import { screen } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { CaseTimeline } from './case-timeline';

const entry = (
  seq: number,
  type: string,
  label: string,
  payload: object,
  basis: string | null,
  occurredOn = '2025-06-10',
) => ({
  seq,
  type,
  label,
  machineEvent: type !== 'DEADLINES_RECOMPUTED',
  occurredOn,
  recordedAt: '2025-06-10T02:00:00Z',
  actor: {
    id: 'u1',
    role: type === 'DEADLINES_RECOMPUTED' ? 'system' : 'clerk',
    displayName: '张经办',
  },
  basis,
  stateAfter: 'consulting',
  payload,
  hash: `h${seq}`,
});

describe('CaseTimeline', () => {
  it('shows labels for every code and the legal basis as the article or document', async () => {
    renderDeskPage(<CaseTimeline caseId="c1" />, {
      routes: {
        'GET /api/cases/c1/timeline': {
          body: [
            entry(
              1,
              'START_CONSULTATION',
              '征求意见',
              { party: 'third_party' },
              '第三十二条、第三十四条',
            ),
            entry(
              2,
              'SERVE_FEE_NOTICE',
              '送达收费通知',
              { standard: 'per_page', amountYuan: 150, pages: 45 },
              '国办函〔2020〕109号',
            ),
            entry(3, 'REASONS_JUDGED', '认定理由', { reasonable: true }, '第三十五条'),
            entry(4, 'DEADLINES_RECOMPUTED', '节假日安排变更，重新计算期限', {}, '项目规则16'),
          ],
        },
      },
    });
    const entries = await screen.findAllByTestId('timeline-entry');
    const text = entries.map((e) => e.textContent ?? '').join('\n');
    expect(text).toContain('征求意见对象：第三方');
    expect(text).toContain('收费方式：按量计收');
    expect(text).toContain('理由是否合理：合理');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十二条、第三十四条');
    expect(text).toContain('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
    expect(text).toContain('国务院办公厅关于部分节假日安排的通知');
    expect(text).toContain('（经办人）');
    expect(text).toContain('（系统）');
    for (const raw of ['per_page', 'third_party', 'true', '项目规则', '（clerk）']) {
      expect(text).not.toContain(raw);
    }
  });

  it('puts each 复议/诉讼 in at its filing date, with its kind and, once concluded, its result', async () => {
    const proceeding = (id: string, over: object) => ({
      id,
      agencyId: 'a1',
      caseId: 'c1',
      caseRef: '2025-0001',
      kind: 'reconsideration',
      filedOn: '2025-07-01',
      result: null,
      concludedOn: null,
      note: null,
      ...over,
    });
    renderDeskPage(<CaseTimeline caseId="c1" />, {
      routes: {
        'GET /api/cases/c1/timeline': {
          body: [
            entry(1, 'REGISTERED', '登记', {}, null, '2025-06-03'),
            entry(2, 'DECIDE', '作出答复决定', {}, '第三十六条', '2025-06-20'),
            entry(3, 'SERVE_DECISION', '送达答复', {}, null, '2025-06-23'),
            entry(4, 'NOTE_ADDED', '备注', {}, null, '2025-09-15'),
          ],
        },
        'GET /api/proceedings': {
          body: [
            proceeding('p2', {
              kind: 'litigation_after_reconsideration',
              filedOn: '2025-09-15',
            }),
            proceeding('p1', {
              filedOn: '2025-07-01',
              result: 'maintained',
              concludedOn: '2025-08-28',
            }),
          ],
        },
      },
    });
    const entries = await screen.findAllByTestId('timeline-entry');
    const heads = entries.map((e) => e.querySelector('strong')?.textContent);
    expect(heads).toEqual(['登记', '作出答复决定', '送达答复', '行政复议', '备注', '复议后起诉']);
    expect(entries[3]).toHaveTextContent('立案（申请）日期：2025-07-01');
    expect(entries[3]).toHaveTextContent('审理结果：结果维持（审结日期：2025-08-28）');
    expect(entries[5]).toHaveTextContent('立案（申请）日期：2025-09-15');
    expect(entries[5]).toHaveTextContent('审理结果：尚未审结');
  });
});
