// Compiles a server app (api, worker, cli) to plain CommonJS under dist/apps/<app>/ with SWC,
// following its imports from the entry: only what the app reaches is emitted, the `@gongkai/*`
// aliases become relative requires, and decorator metadata stays (Nest and TypeORM read it).
// The layout mirrors the workspace (dist/apps/api/libs/domain/src/…), so a stack trace names the
// source file; dist/apps/<app>/main.js is the start command. `build-manifest.json` lists every
// source file with its size and mtime: tools/bin/gongkai.cjs compares them to tell a stale build.
//
//   node tools/build/compile-server.mjs [--dist DIR] api|worker|cli …   (DIR defaults to dist/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SERVER_APPS = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
  cli: 'apps/cli/src/main.ts',
};

/** Same transform as the jest preset's server projects: the specs and the build never disagree. */
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

/** Files outside sources whose change makes every build stale. */
const GLOBAL_INPUTS = ['tsconfig.base.json', 'tools/build/compile-server.mjs'];

export function outDir(app, distRoot = path.join(ROOT, 'dist')) {
  return path.join(distRoot, 'apps', app);
}

function aliases() {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8'));
  return new Map(
    Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      path.join(ROOT, target),
    ]),
  );
}

function resolveSource(candidate) {
  for (const file of [
    candidate,
    `${candidate}.ts`,
    `${candidate}.tsx`,
    path.join(candidate, 'index.ts'),
  ]) {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const REQUIRE = /\brequire\((["'])([^"']+)\1\)/g;
/** A plain script a source starts by file name beside itself (a worker thread's entry). */
const SIBLING_SCRIPT = /(["'])([\w.-]+\.[mc]js)\1/g;
/** The sources a plain script requires beside itself (a worker thread's compiled code). */
const SCRIPT_RELATIVE = /\brequire\((["'])(\.[^"']+)\1\)/g;
/** The packages a plain script loads (import, import(), require, require.resolve). */
const SCRIPT_PACKAGE =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\(\s*)(["'])([^"'.][^"']*)\1/g;

function writeAtomically(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Another gongkai process may be building the same app: each file appears whole or not at all.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** Compiles one app into `<distRoot>/apps/<app>/`; returns the manifest it wrote. */
export function compileServerApp(app, { distRoot } = {}) {
  const entry = SERVER_APPS[app];
  if (!entry) throw new Error(`unknown server app ${app}; one of ${Object.keys(SERVER_APPS)}`);
  const swc = require('@swc/core');
  const alias = aliases();
  const out = outDir(app, distRoot);
  const queue = [path.join(ROOT, entry)];
  const seen = new Set(queue);
  const packages = new Set();
  const sources = [];
  const emit = (source, code) => writeAtomically(path.join(out, path.relative(ROOT, source)), code);

  while (queue.length) {
    const source = queue.shift();
    sources.push(source);
    const rel = path.relative(ROOT, source);
    if (source.endsWith('.json')) {
      emit(source, fs.readFileSync(source));
      continue;
    }
    if (/\.[mc]js$/.test(source)) {
      // Copied as it is: it runs beside the compiled file that names it.
      const text = fs.readFileSync(source, 'utf8');
      for (const [, , spec] of text.matchAll(SCRIPT_PACKAGE))
        if (!spec.startsWith('node:')) packages.add(packageName(spec));
      for (const [, , spec] of text.matchAll(SCRIPT_RELATIVE)) {
        const resolved = resolveSource(path.resolve(path.dirname(source), spec));
        if (!resolved) throw new Error(`${rel}: cannot resolve ${spec}`);
        if (!seen.has(resolved)) {
          seen.add(resolved);
          queue.push(resolved);
        }
      }
      emit(source, text);
      continue;
    }
    const sourceText = fs.readFileSync(source, 'utf8');
    for (const [, , name] of sourceText.matchAll(SIBLING_SCRIPT)) {
      const script = path.join(path.dirname(source), name);
      if (!seen.has(script) && fs.existsSync(script)) {
        seen.add(script);
        queue.push(script);
      }
    }
    const target = path.join(out, rel).replace(/\.tsx?$/, '.js');
    const result = swc.transformFileSync(source, {
      ...SWC_OPTIONS,
      filename: source,
      sourceFileName: path.relative(path.dirname(target), source),
      swcrc: false,
      configFile: false,
    });
    const code = result.code.replace(REQUIRE, (whole, quote, spec) => {
      let resolved = null;
      if (spec.startsWith('.')) {
        resolved = resolveSource(path.resolve(path.dirname(source), spec));
        if (!resolved) throw new Error(`${rel}: cannot resolve ${spec}`);
      } else if (alias.has(spec)) {
        resolved = alias.get(spec);
      } else {
        if (!spec.startsWith('node:')) packages.add(packageName(spec));
        return whole;
      }
      if (!seen.has(resolved)) {
        seen.add(resolved);
        queue.push(resolved);
      }
      const to = path.join(out, path.relative(ROOT, resolved)).replace(/\.tsx?$/, '.js');
      let relative = path.relative(path.dirname(target), to).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return `require(${quote}${relative}${quote})`;
    });
    writeAtomically(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    writeAtomically(`${target}.map`, result.map);
  }

  const main = path.relative(out, path.join(out, entry)).replace(/\.ts$/, '.js');
  // The CLI's main.js is also its command line (`node dist/apps/cli/main.js migrate` in the image).
  const runIfMain =
    app === 'cli'
      ? `if (require.main === module)\n  module.exports.run(process.argv).then((code) => {\n    process.exitCode = code;\n  });\n`
      : '';
  writeAtomically(
    path.join(out, 'main.js'),
    `'use strict';\n// Start command of the built ${app}.\nmodule.exports = require('./${main}');\n${runIfMain}`,
  );
  const manifest = {
    app,
    entry: `${main}`,
    packages: [...packages].sort(),
    inputs: [...GLOBAL_INPUTS.map((f) => path.join(ROOT, f)), ...sources].map((file) =>
      fileStamp(file),
    ),
  };
  writeAtomically(path.join(out, 'build-manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

export function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function fileStamp(file) {
  const stat = fs.statSync(file);
  return { file: path.relative(ROOT, file), size: stat.size, mtimeMs: stat.mtimeMs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values, positionals: apps } = parseArgs({
    options: { dist: { type: 'string' } },
    allowPositionals: true,
  });
  const distRoot = values.dist ? path.resolve(values.dist) : undefined;
  if (!apps.length) {
    process.stderr.write(`usage: compile-server.mjs ${Object.keys(SERVER_APPS).join('|')} …\n`);
    process.exit(2);
  }
  for (const app of apps) {
    const started = Date.now();
    fs.rmSync(outDir(app, distRoot), { recursive: true, force: true });
    const manifest = compileServerApp(app, { distRoot });
    const where = path.relative(process.cwd(), path.join(outDir(app, distRoot), 'main.js'));
    process.stdout.write(
      `${app}: ${manifest.inputs.length} files → ${where} (${Date.now() - started} ms)\n`,
    );
  }
}
