import { hasRole, type DeskRole, type DeskUser } from '../auth/desk-user';

export type AuditSection = 'verify' | 'search' | 'reveals' | 'downloads' | 'caseFile' | 'caseLinks';

/**
 * 审计页各部分可由哪些角色使用，逐项照抄 API 的 @Roles：页面只显示 API 会答复的部分，
 * 否则管理员会看到点了只得 403 的按钮和表格。API 的角色一变，只改这里。
 * Who may use each part of the audit page, copied route by route from the API's @Roles: a part
 * the API would refuse with 403 is not shown at all. When the API's roles change, change this.
 */
export const AUDIT_SECTION_ROLES: Readonly<Record<AuditSection, readonly DeskRole[]>> = {
  // 日志校验：GET /api/journal/verify、GET /api/cases/:id/journal/verify，选案件要 GET /api/cases；
  // 重放校验：POST /api/journal/verifications、GET /api/jobs/:id、GET /api/journal/checkpoints(/:id/file)。
  verify: ['auditor', 'leader'],
  // 日志检索：GET /api/journal。
  search: ['auditor', 'leader', 'admin'],
  // 身份证号码查看记录：GET /api/identity-reveals。
  reveals: ['auditor', 'leader', 'admin'],
  // 附件查阅记录：GET /api/attachment-downloads。
  downloads: ['auditor', 'leader', 'admin'],
  // 案卷导出：GET /api/cases、/api/cases/:id、/timeline、/journal/verify。
  caseFile: ['auditor', 'leader'],
  // 表格里的案号链接到案件页，案件页要 GET /api/cases/:id；其他角色只看到案号文字。
  caseLinks: ['clerk', 'leader', 'auditor'],
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
