import type { CaseListItem } from '@gongkai/contracts';
import type { Locale } from '@gongkai/ui';
import { categoryLabel, channelLabel, outcomeLabel, stateLabel } from '../common/catalogue-labels';

/** Builds the list as an .xlsx in the browser; exceljs is loaded only when a clerk exports. */
export async function casesToXlsx(items: CaseListItem[], locale: Locale): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Applications' : '申请列表');
  const zh = locale !== 'en';
  sheet.columns = [
    { header: zh ? '登记编号' : 'Ref.', key: 'ref', width: 14 },
    { header: zh ? '收到申请日期' : 'Received', key: 'receivedOn', width: 14 },
    { header: zh ? '申请方式' : 'Channel', key: 'channel', width: 12 },
    { header: zh ? '申请人' : 'Applicant', key: 'applicantName', width: 18 },
    { header: zh ? '申请人类型' : 'Category', key: 'category', width: 14 },
    { header: zh ? '申请内容' : 'Request', key: 'request', width: 50 },
    { header: zh ? '状态' : 'State', key: 'state', width: 12 },
    { header: zh ? '经办人' : 'Clerk', key: 'assignee', width: 12 },
    { header: zh ? '答复期限' : 'Answer due', key: 'answerDueOn', width: 14 },
    { header: zh ? '剩余工作日' : 'Working days left', key: 'wd', width: 12 },
    { header: zh ? '办理结果' : 'Outcome', key: 'outcome', width: 30 },
    { header: zh ? '决定日期' : 'Decided', key: 'decidedOn', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of items) {
    sheet.addRow({
      ref: c.ref,
      receivedOn: c.receivedOn,
      channel: channelLabel(c.channel, locale),
      applicantName: c.applicantName ?? '',
      category: categoryLabel(c.applicantCategory, locale),
      request: c.request ?? '',
      state: stateLabel(c.state, locale),
      assignee: c.assignee?.displayName ?? '',
      answerDueOn: c.answerDueOn ?? '',
      wd: c.answerDueWorkingDays ?? '',
      outcome: outcomeLabel(c.outcome, locale),
      decidedOn: c.decidedOn ?? '',
    });
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
