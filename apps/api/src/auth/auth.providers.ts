import { type Provider } from '@nestjs/common';
import {
  ChangeOwnPassword,
  CreateUser,
  ListUsers,
  ResolveSession,
  SignIn,
  SignOut,
  UpdateUser,
} from '@gongkai/application';
import { CLOCK, type Clock } from '../common/clock';
import { RedisAttemptCounter } from '../common/redis-attempt-counter';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATA_SOURCE as DB, type UseCaseDataSource as Db } from '../database.token';

/** The auth and user use cases, built with the app's data source, clock and configuration. */
export const AUTH_USE_CASES: Provider[] = [
  RedisAttemptCounter,
  {
    provide: SignIn,
    inject: [DB, CLOCK, RedisAttemptCounter, API_CONFIG],
    useFactory: (db: Db, clock: Clock, attempts: RedisAttemptCounter, config: ApiConfig) =>
      new SignIn(db, clock, attempts, {
        clientLimit: config.loginClientLimit,
        clientWindowMs: config.loginClientWindowSeconds * 1000,
        passwordMaxAgeDays: config.passwordMaxAgeDays,
      }),
  },
  {
    provide: ResolveSession,
    inject: [DB, CLOCK, API_CONFIG],
    useFactory: (db: Db, clock: Clock, config: ApiConfig) =>
      new ResolveSession(db, clock, config.sessionIdleMinutes),
  },
  ...[SignOut, ChangeOwnPassword, ListUsers, CreateUser, UpdateUser].map((UseCase) => ({
    provide: UseCase,
    inject: [DB, CLOCK],
    useFactory: (db: Db, clock: Clock) => new UseCase(db, clock),
  })),
];
