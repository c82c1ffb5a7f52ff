import { CreatedAgenciesAndUsers1764115200000 } from './1764115200000-created-agencies-and-users';
import { CreatedSessions1764115300000 } from './1764115300000-created-sessions';

/** In order of application; a migration is never edited once it has landed. */
export const MIGRATIONS = [
  CreatedAgenciesAndUsers1764115200000,
  CreatedSessions1764115300000,
];
