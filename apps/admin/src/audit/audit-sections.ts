import { ROUTE_ROLES } from '@gongkai/contracts';
import { hasRole, type DeskRole, type DeskUser } from '../auth/desk-user';

export type AuditSection = 'verify' | 'search' | 'reveals' | 'downloads' | 'caseFile' | 'caseLinks';

/**
 * 审计页各部分可由哪些角色使用，取自 API 的 @Roles 所用的同一张表（contracts 的 ROUTE_ROLES）：
 * 页面只显示 API 会答复的部分。
 * Who may use each part of the audit page: the roles of the routes it calls, from the same table
 * the API's @Roles reads (ROUTE_ROLES in contracts), so a part the API would refuse is not shown.
 */
export const AUDIT_SECTION_ROLES: Readonly<Record<AuditSection, readonly DeskRole[]>> = {
  // 日志校验：GET /api/journal/verify、GET /api/cases/:id/journal/verify，选案件要 GET /api/cases；
  // 重放校验：POST /api/journal/verifications、GET /api/jobs/:id、GET /api/journal/checkpoints(/:id/file)。
  verify: ROUTE_ROLES.verifyJournal,
  // 日志检索：GET /api/journal。
  search: ROUTE_ROLES.searchJournal,
  // 身份证号码查看记录：GET /api/identity-reveals。
  reveals: ROUTE_ROLES.identityReveals,
  // 附件查阅记录：GET /api/attachment-downloads。
  downloads: ROUTE_ROLES.attachmentDownloads,
  // 案卷导出：GET /api/cases、/api/cases/:id、/timeline、/journal/verify。
  caseFile: ROUTE_ROLES.verifyJournal.filter((r) =>
    (ROUTE_ROLES.readCases as readonly DeskRole[]).includes(r),
  ),
  // 表格里的案号链接到案件页，案件页要 GET /api/cases/:id；其他角色只看到案号文字。
  caseLinks: ROUTE_ROLES.readCases,
};

export function mayUse(user: DeskUser | undefined, section: AuditSection): boolean {
  return hasRole(user, ...AUDIT_SECTION_ROLES[section]);
}

/**
 * 菜单的「审计」给能用至少一个标签页的角色，与上表同源，免得菜单和页面各说各的。
 * The menu entry goes to whoever can use at least one tab, derived from the same table.
 * (caseLinks is not a tab: a clerk may open cases but has nothing to audit.)
 */
export const AUDIT_MENU_ROLES: readonly DeskRole[] = [
  ...new Set(
    (Object.keys(AUDIT_SECTION_ROLES) as AuditSection[])
      .filter((s) => s !== 'caseLinks')
      .flatMap((s) => AUDIT_SECTION_ROLES[s]),
  ),
];
