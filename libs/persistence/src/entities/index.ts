import { AgencyEntity } from './agency.entity';
import { UserEntity } from './user.entity';

export { AgencyEntity, UserEntity };
export type { UserRole } from './user.entity';

export const ENTITIES = [AgencyEntity, UserEntity];
