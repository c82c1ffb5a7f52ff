import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { apiEnvironmentSchema, parseEnvironment } from '@gongkai/application';
import { API_CONFIG, type ApiConfig } from './api-config';

@Global()
@Module({})
export class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      imports: [
        // The environment is checked by the shared zod schema when the app is built, so a bad
        // variable stops the start with its name instead of surfacing later as NaN.
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          validate: (env) => parseEnvironment(apiEnvironmentSchema, env),
        }),
      ],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG, ConfigModule],
    };
  }
}
