import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const workspaceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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

export interface WebAppOptions {
  /** The app's folder (where index.html is). */
  appRoot: string;
  name: 'admin' | 'publisher';
  port: number;
  define?: Record<string, string>;
}

/**
 * The Vite config both web apps share: `@gongkai/*` aliases, the dev/preview port with `/api`
 * proxied to the API, output under dist/apps/<name>, and the first-load size against issue 7's
 * 600 kB budget.
 */
export function webAppConfig(options: WebAppOptions): UserConfig {
  const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
  const host = process.env.WEB_HOST || '127.0.0.1';
  const proxy = { '/api': { target: apiTarget, changeOrigin: false } };
  const port = options.port;
  return defineConfig({
    root: options.appRoot,
    base: '/',
    cacheDir: path.join(workspaceRoot, `node_modules/.vite/${options.name}`),
    plugins: [react(), firstLoadSize(600)],
    define: options.define,
    resolve: { alias: workspaceAliases() },
    server: { port, host, strictPort: true, proxy },
    preview: { port, host, strictPort: true, proxy },
    build: {
      outDir: path.join(workspaceRoot, `dist/apps/${options.name}`),
      emptyOutDir: true,
      reportCompressedSize: true,
      chunkSizeWarningLimit: 1500,
    },
  });
}
