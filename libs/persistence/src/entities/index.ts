import { AgencyEntity } from './agency.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { IdentityRevealEntity } from './identity-reveal.entity';
import { ProceedingEntity } from './proceeding.entity';
import { Section2FiguresEntity } from './section2-figures.entity';
import { ReportEntity } from '../reports/report.entity';
import { ReportVersionEntity } from '../reports/report-version.entity';
import { NotificationEntity } from './notification.entity';
import { LetterTemplateEntity } from './letter-template.entity';
import { CaseAttachmentEntity } from './case-attachment.entity';
import { AttachmentDownloadEntity } from './attachment-download.entity';

export { AgencyEntity, SessionEntity, UserEntity };
export { LetterTemplateEntity };
export { CaseAttachmentEntity, AttachmentDownloadEntity };
export type { UserRole } from './user.entity';
export {
  ApprovalPolicyEntity,
  CalendarYearEntity,
  CaseEventEntity,
  CaseEntity,
  IdentityRevealEntity,
  ProceedingEntity,
  Section2FiguresEntity,
};
export type { CaseOrigin } from './case.entity';
export { NotificationEntity };
export type { NotificationKind } from './notification.entity';

export const ENTITIES = [
  AgencyEntity,
  UserEntity,
  SessionEntity,
  CaseEntity,
  CaseEventEntity,
  IdentityRevealEntity,
  ProceedingEntity,
  Section2FiguresEntity,
  CalendarYearEntity,
  ApprovalPolicyEntity,
  ReportEntity,
  ReportVersionEntity,
  NotificationEntity,
  LetterTemplateEntity,
  CaseAttachmentEntity,
  AttachmentDownloadEntity,
];
