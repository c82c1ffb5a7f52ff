import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const appRoot = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.join(appRoot, '..', '..');

/** The `@gongkai/*` aliases, read from tsconfig.base.json so Vite, tsc and Jest never disagree. */
function workspaceAliases(): Record<string, string> {
  const base = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      path.join(workspaceRoot, target),
    ]),
  );
}

/** Prints the JavaScript a first visit downloads (entry chunk and its static imports), gzipped. */
function firstLoadSize(budgetKb: number): Plugin {
  return {
    name: 'gongkai-first-load-size',
    apply: 'build',
    writeBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const file = bundle[fileName];
        if (!file || file.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        file.imports.forEach(visit);
      };
      visit(entry.fileName);
      let raw = 0;
      let gzip = 0;
      for (const fileName of files) {
        const file = bundle[fileName];
        if (file?.type !== 'chunk') continue;
        raw += Buffer.byteLength(file.code);
        gzip += gzipSync(file.code).length;
      }
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);
      const verdict =
        gzip / 1024 <= budgetKb
          ? `within the ${budgetKb} kB budget`
          : `OVER the ${budgetKb} kB budget`;
      console.log(
        `\nfirst-load JS: ${kb(raw)} kB, gzip ${kb(gzip)} kB (${files.size} file(s), routes load on demand) — ${verdict}\n`,
      );
    },
  };
}

const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
const port = Number(process.env.PUBLISHER_PORT) || 4300;
const host = process.env.WEB_HOST || '127.0.0.1';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: appRoot,
  base: '/',
  cacheDir: path.join(workspaceRoot, 'node_modules/.vite/publisher'),
  plugins: [react(), firstLoadSize(600)],
  // Project rule 15: the publication deadline (MM-DD) is a deployment setting; 01-31 by default.
  define: { __REPORT_DEADLINE__: JSON.stringify(process.env.REPORT_DEADLINE || '01-31') },
  resolve: { alias: workspaceAliases() },
  server: { port, host, strictPort: true, proxy },
  preview: { port, host, strictPort: true, proxy },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/publisher'),
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
});
