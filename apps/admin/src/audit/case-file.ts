import type { CaseDetailResponse, JournalVerification, TimelineEntry } from '@gongkai/contracts';
import { deadlineList } from '@gongkai/domain';
import type { ApiClient } from '@gongkai/ui';
import { categoryLabel, channelLabel, outcomeLabel, stateLabel } from '../common/catalogue-labels';

export interface CaseFile {
  exportedAt: string;
  case: CaseDetailResponse['case'];
  timeline: TimelineEntry[];
  journal: JournalVerification;
}

/** Everything an auditor files for one case: facts, deadlines, full journal, its verification. */
export async function loadCaseFile(client: ApiClient, caseId: string): Promise<CaseFile> {
  const [detail, timeline, journal] = await Promise.all([
    client.get<CaseDetailResponse>(`/cases/${caseId}`),
    client.get<TimelineEntry[]>(`/cases/${caseId}/timeline`),
    client.get<JournalVerification>(`/cases/${caseId}/journal/verify`),
  ]);
  return { exportedAt: new Date().toISOString(), case: detail.case, timeline, journal };
}

const escape = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** A self-contained, print-ready HTML page (the browser's "print to PDF" makes the PDF). */
export function caseFileHtml(file: CaseFile): string {
  const c = file.case;
  const row = (label: string, value: unknown) =>
    `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`;
  // The same list as the case page's deadline panel: 补正, 征求意见 and 缴费 when the case has them.
  const deadlines = deadlineList(c.deadlines)
    .map(
      (d) =>
        `<h3>${escape(d.label)}：${escape(d.dueOn ?? '暂停计算')}（${escape(d.basis)}）</h3><ol>${d.explanation
          .map((l) => `<li>${escape(l)}</li>`)
          .join('')}</ol>`,
    )
    .join('');
  const events = file.timeline
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td>${escape(e.occurredOn)}</td><td>${escape(e.label)}</td><td>${escape(
          e.actor.displayName ?? e.actor.id,
        )}</td><td>${escape(e.basis ?? '')}</td><td>${escape(
          new Date(e.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
        )}</td><td class="hash">${escape(e.hash.slice(0, 16))}…</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>案卷 ${escape(c.ref)}</title>
<style>body{font-family:"SimSun","Songti SC",serif;margin:2cm;color:#000}table{border-collapse:collapse;width:100%;margin-bottom:1em}
th,td{border:1px solid #000;padding:4px 6px;text-align:left;vertical-align:top;font-size:12pt}th{width:9em;background:#f2f2f2}
h1{text-align:center;font-size:20pt}.hash{font-family:monospace;font-size:9pt}@media print{a{color:#000}}</style></head><body>
<h1>政府信息公开申请案卷</h1>
<table>${[
    row('登记编号', c.ref),
    row('收到申请日期', c.receivedOn),
    row('申请方式', channelLabel(c.channel, 'zh-CN')),
    row('申请人', c.applicant.name),
    row('申请人类型', categoryLabel(c.applicant.category, 'zh-CN')),
    row('身份证号码', c.applicant.identityNumberMasked ?? ''),
    ...(c.applicant.category === 'natural_person'
      ? []
      : [row('统一社会信用代码', c.applicant.creditCode ?? '')]),
    row('申请内容', c.request),
    row('状态', stateLabel(c.state, 'zh-CN')),
    row('办理结果', outcomeLabel(c.outcome, 'zh-CN')),
    row('决定日期', c.decidedOn ?? ''),
    row('送达日期', c.servedOn ?? ''),
  ].join('')}</table>
<h2>期限及推算过程</h2>${deadlines}
<h2>办理记录</h2><table><tr><th>序号</th><th>日期</th><th>环节</th><th>办理人</th><th>依据</th><th>记录时间</th><th>哈希</th></tr>${events}</table>
<h2>日志校验</h2><p>${file.journal.ok ? '日志哈希链完整，未发现篡改。' : '日志哈希链校验未通过：' + escape(JSON.stringify(file.journal))}</p>
<p>导出时间：${escape(new Date(file.exportedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}</p>
</body></html>`;
}
