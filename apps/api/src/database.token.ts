import type { Provider } from '@nestjs/common';
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

/** The provider of a use case that needs only the data source. */
export function onDataSource<T>(useCase: new (db: UseCaseDataSource) => T): Provider {
  return {
    provide: useCase,
    inject: [DATA_SOURCE],
    useFactory: (db: UseCaseDataSource) => new useCase(db),
  };
}

/** The provider of a use case that needs the data source and the API's clock. */
export function onDataSourceAndClock<T>(
  useCase: new (db: UseCaseDataSource, clock: Clock) => T,
): Provider {
  return {
    provide: useCase,
    inject: [DATA_SOURCE, CLOCK],
    useFactory: (db: UseCaseDataSource, clock: Clock) => new useCase(db, clock),
  };
}
