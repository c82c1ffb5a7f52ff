import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from './core';
import * as everything from './index';

/** The packages `file` reaches through its relative imports (type-only imports included). */
function packagesReachedFrom(file: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const source = readFileSync(current, 'utf8');
    for (const [, specifier] of source.matchAll(/\bfrom\s+'([^']+)'/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) visit(path.join(path.dirname(current), `${specifier}.ts`));
      else packages.add(specifier);
    }
  };
  visit(file);
  return packages;
}

describe('@gongkai/report/core', () => {
  it('reaches no package but @gongkai/domain, so pages that display a report stay small', () => {
    expect([...packagesReachedFrom(path.join(__dirname, 'core.ts'))]).toEqual(['@gongkai/domain']);
  });

  it('is part of @gongkai/report, which adds the docx, xlsx and parsing formats', () => {
    for (const name of Object.keys(core)) {
      expect(everything[name as keyof typeof everything]).toBe(core[name as keyof typeof core]);
    }
    expect(Object.keys(everything)).toEqual(
      expect.arrayContaining(['renderDocx', 'renderXlsx', 'parseReportDocx', 'parseReport']),
    );
    expect(Object.keys(core)).not.toContain('renderXlsx');
  });
});
