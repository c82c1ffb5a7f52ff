import { getDataSourceToken } from '@nestjs/typeorm';

/**
 * The injection token of the API's data source (TypeOrmModule in app.module.ts). Providers hand it
 * to the application layer's use cases; no code under apps/api queries through it.
 */
export const DATA_SOURCE = getDataSourceToken();

/** The data source type as the use cases take it, without naming TypeORM here. */
export type UseCaseDataSource = ConstructorParameters<
  typeof import('@gongkai/application').ReadCase
>[0];
