import type { InjectionToken, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CLOCK, type Clock } from './common/clock';

/**
 * The injection token of the API's data source (TypeOrmModule in app.module.ts). Providers hand it
 * to the application layer's use cases; no code under apps/api queries through it.
 */
export const DATA_SOURCE = getDataSourceToken();

/** The data source type as the use cases take it, without naming TypeORM here. */
export type UseCaseDataSource = ConstructorParameters<
  typeof import('@gongkai/application').ReadCase
>[0];

/**
 * The provider of a use case built from the data source and the other providers it names, in its
 * constructor's order (the API's clock is `CLOCK`): `onDataSource(ReadAttachments, ReadCase)`.
 */
export function onDataSource<T, A extends unknown[]>(
  useCase: new (db: UseCaseDataSource, ...deps: A) => T,
  ...deps: { [K in keyof A]: InjectionToken }
): Provider {
  return {
    provide: useCase,
    inject: [DATA_SOURCE, ...deps],
    useFactory: (db: UseCaseDataSource, ...args: A) => new useCase(db, ...args),
  };
}

/** The provider of a use case that needs the data source and the API's clock. */
export function onDataSourceAndClock<T>(
  useCase: new (db: UseCaseDataSource, clock: Clock) => T,
): Provider {
  return onDataSource(useCase, CLOCK);
}
