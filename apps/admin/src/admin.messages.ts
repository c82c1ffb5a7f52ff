import { defineMessages } from '@gongkai/ui';

export const adminMessages = defineMessages(
  {
    subtitle: '依申请公开办理平台',
    loading: '正在加载…',
    signInHeading: '工作人员登录',
    signInIntro: '经办人、负责人和审计人员使用本机关分配的账号登录。',
    signedInAs: '已登录：{name}',
    workbenchTitle: '工作台',
    workbenchComing: '待办申请、到期预警与督办、审批事项将在这里显示，正在建设中。',
    signOut: '退出登录',
    notFoundTitle: '页面不存在',
    backHome: '返回首页',
    footer: '依据《中华人民共和国政府信息公开条例》（国务院令第711号）办理',
  },
  {
    subtitle: 'Disclosure-on-request desk',
    loading: 'Loading…',
    signInHeading: 'Staff sign-in',
    signInIntro: 'Clerks, leaders and auditors sign in with the account issued by their agency.',
    signedInAs: 'Signed in: {name}',
    workbenchTitle: 'Workbench',
    workbenchComing:
      'Open applications, deadline alerts and approvals will appear here; under construction.',
    signOut: 'Sign out',
    notFoundTitle: 'Page not found',
    backHome: 'Back to the start page',
    footer:
      'Handled under the Regulations on the Disclosure of Government Information (State Council Decree No. 711)',
  },
);
