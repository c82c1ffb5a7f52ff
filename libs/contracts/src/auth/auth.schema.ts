import { z } from 'zod';
import type { UserRoleCode } from './route-roles';

export const USER_ROLES = ['clerk', 'leader', 'auditor', 'admin'] as const;
export const userRoleSchema = z.enum(USER_ROLES, {
  error: '角色只能是 clerk、leader、auditor 或 admin',
});

export const loginSchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256),
});
export type LoginRequest = z.infer<typeof loginSchema>;

/** POST /api/auth/password: the policy itself is checked by the server (等保2.0 三级). */
export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(256),
  newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码').max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

const email = z.email('电子邮箱格式不正确').max(200);

const username = z
  .string({ error: '请输入用户名' })
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '用户名为2–32位小写字母、数字、点、下划线或连字符');

export const createUserSchema = z.object({
  username,
  displayName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(64),
  password: z.string({ error: '请输入初始密码' }).min(1).max(256),
  roles: z.array(userRoleSchema).min(1, '至少选择一个角色'),
  email: email.optional(),
  agencyId: z.uuid('机关编号格式有误').optional(),
  subtreeScope: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    password: z.string().min(1).max(256).optional(),
    roles: z.array(userRoleSchema).min(1, '至少选择一个角色').optional(),
    active: z.boolean().optional(),
    email: email.nullable().optional(),
    subtreeScope: z.boolean().optional(),
    unlock: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

export const createAgencySchema = z.object({
  code: z
    .string({ error: '请输入机关代码' })
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '机关代码为小写字母、数字和连字符'),
  name: z.string({ error: '请输入机关名称' }).trim().min(1, '请输入机关名称').max(100),
  parentId: z.uuid('上级机关编号格式有误').optional(),
  address: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
});
export type CreateAgencyRequest = z.infer<typeof createAgencySchema>;

export const updateAgencySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    address: z.string().max(200).nullable().optional(),
    phone: z.string().max(40).nullable().optional(),
    contact: z.string().max(40, '联系人不能超过40个字').nullable().optional(),
    letterRefPattern: z
      .string()
      .trim()
      .max(60, '文号格式不能超过60个字')
      .refine((p) => p.includes('{n}'), '文号格式应包含序号 {n}')
      .nullable()
      .optional(),
    /** Moves the agency (and its subtree) under another agency. */
    parentId: z.uuid('上级机关编号格式有误').optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateAgencyRequest = z.infer<typeof updateAgencySchema>;

/** An agency as GET/POST/PATCH /api/agencies answer (the tree an administrator edits). */
export interface AgencyView {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  address: string | null;
  phone: string | null;
  contact: string | null;
  /** The 文号 pattern of its letters; null: the default `〔{year}〕第{n}号`. */
  letterRefPattern: string | null;
}

/** The signed-in user as every route sees it; `GET /api/auth/me` answers `{ user }`. */
export interface SessionUserView {
  id: string;
  username: string;
  displayName: string;
  roles: UserRoleCode[];
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  /** The user's agency has no parent: a root (national or district) agency. */
  rootAgency: boolean;
  /** Agencies this user may read: its own, plus its subtree for a supervising user. */
  scopeAgencyIds: string[];
  /** Agencies this user may change cases of: always only its own. */
  writeAgencyIds: string[];
}

/** `GET /api/auth/me`. */
export interface SessionResponse {
  user: SessionUserView;
}

/** A user as GET/POST/PATCH /api/users answer (the administrator's list). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: UserRoleCode[];
  email: string | null;
  agencyId: string;
  subtreeScope: boolean;
  active: boolean;
  locked: boolean;
}

/** `GET/PUT /api/approval-policy`: how many decision approvals the agency's new cases need. */
export interface ApprovalPolicyView {
  agencyId: string;
  decisionSteps: number;
}
