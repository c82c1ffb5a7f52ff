import { AgencyEntity } from './agency.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { AgencyEntity, SessionEntity, UserEntity };
export type { UserRole } from './user.entity';

export const ENTITIES = [AgencyEntity, UserEntity, SessionEntity];
