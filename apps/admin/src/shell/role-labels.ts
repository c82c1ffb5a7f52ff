import type { DeskRole } from '../auth/desk-user';
import type { adminMessages } from '../admin.messages';

type ShellText = (typeof adminMessages)['zh-CN'];

export function roleLabel(t: ShellText, role: DeskRole): string {
  return { clerk: t.roleClerk, leader: t.roleLeader, auditor: t.roleAuditor, admin: t.roleAdmin }[
    role
  ];
}
