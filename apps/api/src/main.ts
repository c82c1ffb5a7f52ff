import { createApiApp } from './bootstrap';
import { apiConfigFromEnv } from './config/api-config';

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gongkai api: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
