// `npm run start:api`: the API alone, from its build — no migrations, no demo data, no other
// service. Builds it first if stale (Nx cache), then runs `node dist/apps/api/main.js` on
// API_PORT (default 3000) against DATABASE_URL and REDIS_URL as they are set; SIGINT/SIGTERM stop it.
import { spawn } from 'node:child_process';
import { buildProjects, serverArgs } from './processes.mjs';
import { ROOT } from './services.mjs';

const log = (m) => process.stderr.write(`[start:api] ${m}\n`);

for (const name of ['DATABASE_URL', 'REDIS_URL'])
  if (!process.env[name]) log(`${name} is not set: the API uses its default`);

await buildProjects(['api'], { log });
const api = spawn('node', serverArgs('api'), { cwd: ROOT, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
