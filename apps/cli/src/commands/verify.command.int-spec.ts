import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { CaseTransitionService } from '@gongkai/application';
import {
  createDataSource,
  databaseUrlFromEnv,
  ensureAgency,
  migrate,
  type JournalActor,
} from '@gongkai/persistence';
import { runCli } from '../testing/run-cli';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../cli-errors';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };

describe('gongkai checkpoint and gongkai verify', () => {
  let ds: DataSource;
  let code: string;
  let agencyId: string;
  let out: string;
  const caseIds: string[] = [];

  beforeAll(async () => {
    process.env['DATABASE_URL'] ||= 'postgres://postgres@127.0.0.1:5432/gongkai_dev_worker';
    const { privateKey } = generateKeyPairSync('ed25519');
    process.env['JOURNAL_SIGNING_KEY'] = privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await migrate(databaseUrlFromEnv());
    ds = await createDataSource(databaseUrlFromEnv()).initialize();
    code = `cli-verify-${randomUUID().slice(0, 8)}`;
    agencyId = (await ensureAgency(ds.manager, { code, name: '命令行校验机关' })).agency.id;
    const service = new CaseTransitionService(ds, { today: () => '2025-06-30' });
    for (const ref of ['V-1', 'V-2']) {
      const { case: c } = await service.register(
        {
          agencyId,
          ref,
          receivedOn: '2025-03-03',
          channel: 'online',
          applicant: { category: 'natural_person', name: '王五' },
        },
        clerk,
      );
      await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-04' }, clerk);
      caseIds.push(c.id);
    }
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-checkpoint-'));
  });
  afterAll(async () => {
    delete process.env['JOURNAL_SIGNING_KEY'];
    fs.rmSync(out, { recursive: true, force: true });
    await ds.destroy();
  });

  it('signs a checkpoint into a file, verifies clean with exit 0, and finds an erased case with exit 1', async () => {
    const taken = await runCli('checkpoint', '--agency', code, '--out', out);
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(EXIT_OK);
    expect(taken.stdout).toMatch(/2 件案件，4 条记录/);
    expect(taken.stdout).toContain('BEGIN PUBLIC KEY');
    const [file] = fs.readdirSync(out);
    expect(file).toMatch(new RegExp(`^journal-checkpoint-${code}-`));

    const clean = await runCli('verify', '--agency', code, '--json');
    expect(clean.code).toBe(EXIT_OK);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, casesChecked: 2, eventsChecked: 4 });
    const threaded = await runCli('verify', '--agency', code, '--workers', '1', '--json');
    expect(threaded.code).toBe(EXIT_OK);
    expect(JSON.parse(threaded.stdout)).toMatchObject({
      ok: true,
      casesChecked: 2,
      eventsChecked: 4,
      workerThreads: 1,
    });

    await ds.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query('DELETE FROM case_events WHERE case_id = $1', [caseIds[1]]);
      await m.query('DELETE FROM cases WHERE id = $1', [caseIds[1]]);
    });
    const found = await runCli('verify', '--checkpoint', path.join(out, file));
    expect(found.code).toBe(EXIT_FAILED);
    expect(found.stdout).toContain(`${code} V-2 [checkpoint.case]`);
    const refused = await runCli('checkpoint', '--agency', code);
    expect(refused.code).toBe(EXIT_FAILED);
    expect(refused.stdout).toContain('未生成检查点');
  });

  it('answers a missing checkpoint file and an unknown agency as bad usage', async () => {
    expect((await runCli('verify', '--checkpoint', path.join(out, 'none.json'))).code).toBe(
      EXIT_USAGE,
    );
    expect((await runCli('verify', '--agency', 'no-such-agency')).code).toBe(EXIT_USAGE);
    const workers = await runCli('verify', '--workers', 'two');
    expect(workers.code).toBe(EXIT_USAGE);
    expect(workers.stderr).toContain('--workers 应为 0 到 64 的整数：two');
  });
});
