import { defineMessages } from '@gongkai/ui';

export const importLedgerMessages = defineMessages(
  {
    intro:
      '上传本机关的依申请公开台账（.jsonl 或 .xlsx，格式见《台账导入格式》）。每一行按办理顺序核验后在一个事务中导入：有不能导入的行时一行也不导入，并逐行列明原因；已有的登记编号不会重复导入。',
    choose: '选择台账文件',
    skipInvalid: '跳过有误的行，导入其余各行',
    start: '开始导入',
    queued: '排队中',
    validating: '校验中',
    importing: '导入中',
    lines: '第 {done} / {total} 行',
    done: '导入完成：新导入 {imported} 件，已有未变 {unchanged} 件',
    flagged: '其中 {count} 件有逾期等标记，已照实导入',
    rejectedNothing: '台账有 {count} 行不能导入，未导入任何一行。请修改后重新上传。',
    rejectedSkipped: '以下 {count} 行有误，已跳过',
    failed: '导入未完成：{reason}',
    failedHint: '请检查文件后重新上传；已导入的登记编号再次导入时不会重复。',
    line: '行号',
    ref: '登记编号',
    reason: '原因',
    workbookFormat: 'Excel 台账格式与同义词对照表',
    ignoredColumns: '以下列未能识别，未读取：{columns}',
  },
  {
    intro:
      "Upload your agency's register of applications (.jsonl or .xlsx, see the ledger format). Every line is checked as a lawful history, then all are imported in one transaction: if any line cannot be imported, none is, and each is listed with its reason; refs already present are not imported twice.",
    choose: 'Choose a ledger file',
    skipInvalid: 'Skip bad lines and import the others',
    start: 'Start import',
    queued: 'Queued',
    validating: 'Checking',
    importing: 'Importing',
    lines: 'line {done} of {total}',
    done: 'Import complete: {imported} new cases, {unchanged} already present',
    flagged: '{count} of them carry flags (late steps), imported as recorded',
    rejectedNothing:
      '{count} lines cannot be imported, so nothing was imported. Fix them and upload again.',
    rejectedSkipped: 'These {count} lines have errors and were skipped',
    failed: 'The import did not finish: {reason}',
    failedHint: 'Check the file and upload it again; refs already imported are not imported twice.',
    line: 'Line',
    ref: 'Ref.',
    reason: 'Reason',
    workbookFormat: 'Excel register format and synonyms',
    ignoredColumns: 'Columns not recognised (not read): {columns}',
  },
);
