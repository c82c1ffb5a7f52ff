import { defineMessages } from '@gongkai/ui';

export const publisherMessages = defineMessages(
  {
    subtitle: '政府信息公开',
    staffSignIn: '工作人员登录',
    loading: '正在加载…',
    heroTitle: '政府信息公开',
    heroIntro:
      '本站公开本机关的政府信息公开工作年度报告，受理政府信息公开申请，并提供申请办理进度查询。',
    reportsAction: '查阅年度报告',
    applyAction: '我要申请',
    trackAction: '查询办理进度',
    openData: '开放数据',
    navReports: '年度报告',
    navApply: '网上申请',
    navTrack: '申请查询',
    reportsTitle: '年度报告',
    reportsBody:
      '按机关和年度查阅已发布的《政府信息公开工作年度报告》：按国办公开办函〔2021〕30号格式在线阅读和打印，可下载 DOCX、XLSX、JSON、CSV 文件，并查看各版本的更正记录。开放数据索引列出全部已发布报告。',
    applyTitle: '网上申请',
    applyBody:
      '依据《中华人民共和国政府信息公开条例》第二十九条在线提出政府信息公开申请：填写申请人的姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或便于查询的其他特征性描述，以及获取信息的方式。提交后即获回执和查询码，无需注册账号。',
    trackTitle: '申请查询',
    receiptTitle: '申请回执',
    trackBody:
      '凭查询码和申请时所留手机号码的后四位，查询申请所处的办理阶段和答复期限（按工作日计算）。',
    studioTitle: '报告编制',
    studioIntro: '年度报告的编制、校验、审批和发布需要使用本机关分配的账号登录。',
    signedInAs: '已登录：{name}',
    studioComing: '报告编制（草稿、校验、审批、发布）正在建设中。',
    backToPublic: '返回公开页面',
    notFoundTitle: '页面不存在',
    footer: '依据《中华人民共和国政府信息公开条例》（国务院令第711号）',
  },
  {
    subtitle: 'Government information disclosure',
    staffSignIn: 'Staff sign-in',
    loading: 'Loading…',
    heroTitle: 'Government information disclosure',
    heroIntro:
      'This site publishes the annual reports on government information disclosure of this agency, takes applications for disclosure, and lets applicants follow their application.',
    reportsAction: 'Read the reports',
    applyAction: 'Apply',
    trackAction: 'Follow an application',
    openData: 'Open data',
    navReports: 'Reports',
    navApply: 'Apply',
    navTrack: 'Track',
    reportsTitle: 'Annual reports',
    reportsBody:
      'Read the published annual reports by agency and year in the official layout, print them, download them as DOCX, XLSX, JSON or CSV, and see the history of corrections. An open-data index lists every published report.',
    applyTitle: 'Apply online',
    applyBody:
      'Apply for government information under Article 29 of the Regulations: your name, proof of identity and contact details, a description of the information, and how you want to receive it. You get a receipt and a tracking code at once; no account is needed.',
    trackTitle: 'Track an application',
    receiptTitle: 'Application receipt',
    trackBody:
      'With the tracking code and the last four digits of the phone number you gave, see the stage of your application and its answer date (counted in working days).',
    studioTitle: 'Report studio',
    studioIntro:
      'Composing, checking, approving and publishing the annual report requires a staff account.',
    signedInAs: 'Signed in: {name}',
    studioComing: 'The report studio (draft, checks, approval, publication) is under construction.',
    backToPublic: 'Back to the public pages',
    notFoundTitle: 'Page not found',
    footer:
      'Regulations on the Disclosure of Government Information (State Council Decree No. 711)',
  },
);
