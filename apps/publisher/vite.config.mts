import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webAppConfig } from '../../tools/vite/web-app.config.mjs';

export default webAppConfig({
  appRoot: path.dirname(fileURLToPath(import.meta.url)),
  name: 'publisher',
  port: Number(process.env.PUBLISHER_PORT) || 4300,
  // Project rule 15: the publication deadline (MM-DD) is a deployment setting; 01-31 by default.
  define: { __REPORT_DEADLINE__: JSON.stringify(process.env.REPORT_DEADLINE || '01-31') },
});
