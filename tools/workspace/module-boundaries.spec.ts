import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * DESIGN.md's dependency rule is enforced by lint, not only written down: these probes are linted
 * as if they stood in the named project, and each must be refused by @nx/enforce-module-boundaries.
 * ESLint runs as its own process (its config is an ES module, which Jest's VM cannot load).
 */
const root = path.join(__dirname, '..', '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function boundaryErrors(
  file: string,
  code: string,
  rules: readonly string[] = ['@nx/enforce-module-boundaries'],
): string[] {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      file,
      '--format',
      'json',
    ],
    { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
  return (report?.messages ?? [])
    .filter((m) => m.ruleId !== null && rules.includes(m.ruleId))
    .map((m) => m.message);
}

describe('module boundaries', () => {
  jest.setTimeout(120_000);

  it.each([
    [
      'libs/domain may not import NestJS',
      'libs/domain/src/__boundary_probe__.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    [
      'libs/domain may not import TypeORM',
      'libs/domain/src/__boundary_probe__.ts',
      "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
    ],
    [
      'libs/domain may not import React',
      'libs/domain/src/__boundary_probe__.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
    ],
    [
      'libs/domain may not import another lib of ours',
      'libs/domain/src/__boundary_probe__.ts',
      "import { MIGRATIONS } from '@gongkai/persistence';\nexport const x = MIGRATIONS;\n",
    ],
    [
      'libs/report may not import persistence',
      'libs/report/src/__boundary_probe__.ts',
      "import { MIGRATIONS } from '@gongkai/persistence';\nexport const x = MIGRATIONS;\n",
    ],
    [
      'the admin app may not import persistence',
      'apps/admin/src/__boundary_probe__.ts',
      "import { MIGRATIONS } from '@gongkai/persistence';\nexport const x = MIGRATIONS;\n",
    ],
    [
      'libs/application may not import NestJS',
      'libs/application/src/__boundary_probe__.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    [
      'libs/application may not import React',
      'libs/application/src/__boundary_probe__.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
    ],
    [
      'libs/persistence may not import the application layer',
      'libs/persistence/src/__boundary_probe__.ts',
      "import { ApplyCaseEvent } from '@gongkai/application';\nexport const x = ApplyCaseEvent;\n",
    ],
    [
      'the API may not import ui',
      'apps/api/src/__boundary_probe__.ts',
      "import * as ui from '@gongkai/ui';\nexport const x = ui;\n",
    ],
  ])('%s', async (_name, file, code) => {
    expect(boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each(['persistence', 'contracts'])(
    'libs/%s may not import the report renderers (only @gongkai/report/core)',
    (lib) => {
      const code = "import { renderDocx } from '@gongkai/report';\nexport const x = renderDocx;\n";
      expect(
        boundaryErrors(`libs/${lib}/src/__boundary_probe__.ts`, code, [
          '@nx/enforce-module-boundaries',
          'no-restricted-imports',
        ]),
      ).not.toEqual([]);
    },
  );

  it.each(['persistence', 'contracts'])(
    'allows libs/%s the pure report core, so section 三/四 types exist once',
    (lib) => {
      const code =
        "import { SECTION3_COLUMNS } from '@gongkai/report/core';\nexport const x = SECTION3_COLUMNS;\n";
      expect(
        boundaryErrors(`libs/${lib}/src/__boundary_probe__.ts`, code, [
          '@nx/enforce-module-boundaries',
          'no-restricted-imports',
        ]),
      ).toEqual([]);
    },
  );

  it('allows what the rule allows: the API importing domain and persistence', async () => {
    const code =
      "import { OUTCOME_CODES } from '@gongkai/domain';\nimport { MIGRATIONS } from '@gongkai/persistence';\nexport const x = [OUTCOME_CODES, MIGRATIONS];\n";
    expect(boundaryErrors('apps/api/src/__boundary_probe__.ts', code)).toEqual([]);
  });

  it('allows the application layer its dependencies: domain, contracts and persistence', async () => {
    const code =
      "import { OUTCOME_CODES } from '@gongkai/domain';\nimport type { CaseListQuery } from '@gongkai/contracts';\nimport { MIGRATIONS } from '@gongkai/persistence';\nexport const x: [unknown, unknown, CaseListQuery | null] = [OUTCOME_CODES, MIGRATIONS, null];\n";
    expect(boundaryErrors('libs/application/src/__boundary_probe__.ts', code)).toEqual([]);
  });
});
