import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies of shared/fixtures/reports, read by specs only. */
export const FIXTURE_DIR = join(__dirname, '__fixtures__');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

export function fixtureNames(ext: 'txt' | 'json'): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort();
}

/** Fixtures README: the published reports whose identities fail, and which. */
export const EXPECTED_FAILURES: Readonly<Record<string, readonly string[]>> = {
  '2020-pingtan-zonghe-shiyanqu': ['I3'],
  '2021-pingtan-gonganju': ['I1'],
  '2023-pingtan-ziranziyuan-shengtaihuanjing': ['I1', 'I2'],
};
