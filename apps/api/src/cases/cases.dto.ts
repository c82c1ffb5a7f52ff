import { createZodDto } from 'nestjs-zod';
import {
  caseListQuerySchema,
  reassignCaseSchema,
  registerApplicationSchema,
  revealIdentitySchema,
  sendCaseEventBodySchema,
} from '@gongkai/contracts';

export class RegisterApplicationDto extends createZodDto(registerApplicationSchema) {}
export class SendCaseEventDto extends createZodDto(sendCaseEventBodySchema) {}
export class CaseListQueryDto extends createZodDto(caseListQuerySchema) {}
export class RevealIdentityDto extends createZodDto(revealIdentitySchema) {}
export class ReassignCaseDto extends createZodDto(reassignCaseSchema) {}
