import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webAppConfig } from '../../tools/vite/web-app.config.mjs';

export default webAppConfig({
  appRoot: path.dirname(fileURLToPath(import.meta.url)),
  name: 'admin',
  port: Number(process.env.ADMIN_PORT) || 4200,
});
