import { defineMessages } from '@gongkai/ui';

export const assigneeMessages = defineMessages(
  {
    assignee: '经办人',
    unassigned: '未指定',
    reassign: '改派',
    reassignTitle: '改派经办人',
    newAssignee: '新的经办人',
    reason: '改派理由',
    reasonHint: '将记入办理记录',
    chooseAssignee: '请选择新的经办人',
    fillReason: '请填写改派理由',
    done: '已改派给 {name}',
    conflict: '案件已被他人修改，已刷新为最新内容，请核对后重试。',
    submit: '确定',
    cancel: '取消',
  },
  {
    assignee: 'Assigned clerk',
    unassigned: 'Not assigned',
    reassign: 'Reassign',
    reassignTitle: 'Reassign the case',
    newAssignee: 'New clerk',
    reason: 'Reason',
    reasonHint: 'Recorded in the case history',
    chooseAssignee: 'Please choose the new clerk',
    fillReason: 'Please give the reason',
    done: 'Reassigned to {name}',
    conflict: 'Someone else changed this case; it has been reloaded. Check and try again.',
    submit: 'OK',
    cancel: 'Cancel',
  },
);
