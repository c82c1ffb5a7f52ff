import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every package the code imports is declared in package.json: a package that resolves only
 * because another one pulled it into node_modules (jszip under docx, yaml under nx) breaks on the
 * day that one drops it, and `npm ci --omit=dev` in the image would leave it out.
 */
const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([
  ...Object.keys(manifest.dependencies),
  ...Object.keys(manifest.devDependencies),
]);
const aliases = Object.keys(
  (
    JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    }
  ).compilerOptions.paths,
);
const builtins = new Set(builtinModules);

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', 'dist', 'tmp', 'coverage', '.nx', '.data', '__fixtures__']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** Bare specifiers of static, dynamic and `require` imports, `import type` included. */
export function bareImports(code: string): string[] {
  const specifiers = [
    ...code.matchAll(
      /^\s*(?:import|export)\s+(?:type\s+)?[\w$*{},\s]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    ),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\bjest\.(?:mock|requireActual)\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? '');
  return specifiers.filter((s) => s && !s.startsWith('.') && !s.startsWith('/'));
}

export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function undeclared(file: string): string[] {
  return bareImports(fs.readFileSync(file, 'utf8'))
    .filter((s) => !s.startsWith('node:') && !builtins.has(s) && !builtins.has(packageOf(s)))
    .filter((s) => !aliases.includes(s))
    .filter((s) => !/^(data|virtual):/.test(s))
    .map(packageOf)
    .filter((pkg) => !declared.has(pkg));
}

describe('declared dependencies', () => {
  it('finds the imports of a file (so the check below can fail)', () => {
    expect(
      bareImports(
        "import JSZip from 'jszip';\nimport type { A } from '@scope/pkg/sub';\nconst x = require('yaml');\nawait import('./local');\nimport 'reflect-metadata';",
      ).map(packageOf),
    ).toEqual(['jszip', '@scope/pkg', 'reflect-metadata', 'yaml']);
  });

  it('declares every package that apps, libs, tools and e2e import', () => {
    const missing = ['apps', 'libs', 'tools', 'e2e']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .flatMap((file) => undeclared(file).map((pkg) => `${pkg} (${path.relative(root, file)})`));
    expect(missing).toEqual([]);
  });
});
