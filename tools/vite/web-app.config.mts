import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Alias, defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite';

const workspaceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `@gongkai/*` aliases, read from tsconfig.base.json so Vite, tsc and Jest never disagree.
 * Matched whole, as tsc and Jest do: `@gongkai/report/core` is an entry of its own, not a file
 * under `@gongkai/report`'s index.ts.
 */
function workspaceAliases(): Alias[] {
  const base = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => ({
    find: new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    replacement: path.join(workspaceRoot, target),
  }));
}

/**
 * Prints the JavaScript a first visit downloads (entry chunk and its static imports), gzipped,
 * then what each lazily loaded route adds on top of it (its chunk and the static imports the first
 * load does not already hold), largest first.
 */
function firstLoadSize(budgetKb: number): Plugin {
  return {
    name: 'gongkai-first-load-size',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, Rollup.OutputChunk>();
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') chunks.set(file.fileName, file);
      }
      const closure = (fileName: string, skip: ReadonlySet<string> = new Set()) => {
        const files = new Set<string>();
        const visit = (name: string) => {
          if (!chunks.has(name) || files.has(name) || skip.has(name)) return;
          files.add(name);
          chunks.get(name)?.imports.forEach(visit);
        };
        visit(fileName);
        return files;
      };
      const size = (files: ReadonlySet<string>) => {
        let raw = 0;
        let gzip = 0;
        for (const name of files) {
          const code = chunks.get(name)?.code ?? '';
          raw += Buffer.byteLength(code);
          gzip += gzipSync(code).length;
        }
        return { raw, gzip };
      };
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);

      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return;
      const firstLoad = closure(entry.fileName);
      const { raw, gzip } = size(firstLoad);
      const verdict =
        gzip / 1024 <= budgetKb
          ? `within the ${budgetKb} kB budget`
          : `OVER the ${budgetKb} kB budget`;
      console.log(
        `\nfirst-load JS: ${kb(raw)} kB, gzip ${kb(gzip)} kB (${firstLoad.size} file(s), routes load on demand) — ${verdict}`,
      );
      const routes = [...chunks.values()]
        .filter((chunk) => chunk.isDynamicEntry && !firstLoad.has(chunk.fileName))
        .map((chunk) => {
          const files = closure(chunk.fileName, firstLoad);
          return { name: chunk.name, files: files.size, ...size(files) };
        })
        .sort((a, b) => b.gzip - a.gzip);
      for (const route of routes) {
        console.log(
          `  + ${route.name}: ${kb(route.raw)} kB, gzip ${kb(route.gzip)} kB (${route.files} file(s))`,
        );
      }
      console.log('');
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
