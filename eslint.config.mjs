// Flat ESLint config. Module boundaries express DESIGN.md's dependency rule:
// domain depends on nothing of ours; report, persistence and contracts on domain; apps on libs;
// web code never reaches persistence, server code never reaches ui.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const serverOnlyPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'bullmq',
  'ioredis',
  'express',
  'argon2',
  'nodemailer',
  'prom-client',
];
const frameworkPackages = [
  ...serverOnlyPackages,
  'react',
  'react-dom',
  'antd',
  '@ant-design/*',
  'react-router-dom',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  ...tseslint.configs.strict,
  prettier,
  {
    ignores: [
      '**/jest.config.cjs',
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.data',
      '**/tmp',
      '**/coverage',
      '**/vite.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its rejection (an unhandled failure, or a
    // write reported done before it is), and a promise where a void callback is expected (an
    // event handler, a forEach) is the same mistake. Each file is checked with its project's
    // tsconfig.json (the project service finds it).
    files: [
      'apps/*/src/**/*.ts',
      'apps/*/src/**/*.tsx',
      'libs/*/src/**/*.ts',
      'libs/*/src/**/*.tsx',
      'tools/workspace/**/*.ts',
      'tools/bench/**/*.ts',
      'e2e/**/*.ts',
    ],
    // tools/workspace/module-boundaries.spec.ts lints probes that exist only on stdin; no
    // tsconfig holds them, and they test the boundary rule, not types.
    ignores: ['**/__boundary_probe__.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Nest resolves constructor parameters from emitted metadata, so injected classes must stay
    // value imports in server code.
    files: [
      'apps/api/**/*.ts',
      'apps/worker/**/*.ts',
      'apps/cli/**/*.ts',
      'libs/persistence/**/*.ts',
      'libs/application/**/*.ts',
    ],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/persistence/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@gongkai/report',
              message:
                'The data and contracts libs import only the pure @gongkai/report/core (DESIGN.md dependency rule).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          // @gongkai/report has a light entry (/core: model, layout, checks) that pages import
          // statically and a heavy one (docx/exceljs renderers) they import on demand; the rule
          // sees one library and would forbid the pair.
          checkDynamicDependenciesExceptions: ['@gongkai/report'],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: frameworkPackages,
            },
            {
              sourceTag: 'type:report',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: serverOnlyPackages.concat(['react', 'react-dom', 'antd']),
            },
            // The data lib may read the report model's pure core (section 三/四 types exist once);
            // the rule below keeps it to `@gongkai/report/core`, never the renderers.
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:report'] },
            // The statistics response carries the report model's section 三/四 (one definition):
            // contracts may read the pure core, never the renderers (the rule above).
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:report'],
              bannedExternalImports: frameworkPackages,
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:report'],
            },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:report',
                'type:data',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:report',
                'type:data',
                'type:contracts',
                'type:service',
              ],
              bannedExternalImports: ['@nestjs/*', 'react', 'react-dom', 'antd', '@ant-design/*'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:application',
                'type:domain',
                'type:report',
                'type:data',
                'type:contracts',
                'type:service',
                'type:ui',
              ],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'],
              bannedExternalImports: serverOnlyPackages,
            },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:tools'],
            },
          ],
        },
      ],
    },
  },

  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
