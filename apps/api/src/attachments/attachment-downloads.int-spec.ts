import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { tinyPdf, TINY_PNG } from './attachment-fixtures.testing';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

const application = {
  receivedOn: '2025-06-23',
  channel: 'in_person',
  applicant: { category: 'natural_person', name: '李四' },
  request: '申请公开某小区加装电梯的审批文件',
};

/** supertest keeps a binary answer as bytes only when told to. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

type Desk = Awaited<ReturnType<typeof seedDesk>>;

interface DownloadRecord {
  attachment_id: string;
  case_id: string;
  agency_id: string;
  user_id: string;
  downloaded_at: Date;
}

describe('attachment downloads are recorded', () => {
  let t: TestApp;
  let desk: Desk;
  let other: Desk;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
  });
  afterAll(() => t.close());

  /** A registered case with one identity scan, filed by the desk's clerk. */
  const caseWithScan = async (d: Desk = desk) => {
    const registered = await t
      .http()
      .post('/api/cases')
      .set('Cookie', d.cookies.clerk)
      .send(application)
      .expect(201);
    const caseId = registered.body.case.id as string;
    const uploaded = await t
      .http()
      .post(`/api/cases/${caseId}/attachments`)
      .set('Cookie', d.cookies.clerk)
      .send({
        fileName: '身份证复印件.png',
        mediaType: 'image/png',
        contentBase64: TINY_PNG.toString('base64'),
        kind: 'identity_document',
      })
      .expect(201);
    return {
      caseId,
      ref: registered.body.case.ref as string,
      attachmentId: uploaded.body.id as string,
    };
  };
  const download = (caseId: string, attachmentId: string, cookie: string) =>
    t
      .http()
      .get(`/api/cases/${caseId}/attachments/${attachmentId}/content`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse(binary);
  const list = (cookie: string, query: Record<string, string | number> = {}) =>
    t.http().get('/api/attachment-downloads').query(query).set('Cookie', cookie);
  const records = async (caseId: string) =>
    (await t.db.query(
      `SELECT attachment_id, case_id, agency_id, user_id, downloaded_at
         FROM attachment_downloads WHERE case_id = $1 ORDER BY id`,
      [caseId],
    )) as DownloadRecord[];
  const caseState = async (caseId: string) => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events,
              (SELECT version FROM cases WHERE id = $1) AS version`,
      [caseId],
    );
    return row as { events: number; version: number };
  };

  it('writes one row per download naming the user, and leaves the case journal and version alone', async () => {
    const c = await caseWithScan();
    const before = await caseState(c.caseId);
    expect(await records(c.caseId)).toEqual([]);

    const file = await download(c.caseId, c.attachmentId, desk.cookies.clerk).expect(200);
    expect(Buffer.compare(file.body as Buffer, TINY_PNG)).toBe(0);
    const [first, ...rest] = await records(c.caseId);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      attachment_id: c.attachmentId,
      case_id: c.caseId,
      agency_id: desk.agency.id,
      user_id: desk.users.clerk.id,
    });

    await download(c.caseId, c.attachmentId, desk.cookies.auditor).expect(200);
    expect((await records(c.caseId)).map((r) => r.user_id)).toEqual([
      desk.users.clerk.id,
      desk.users.auditor.id,
    ]);
    // Not a journal note: the clerk's next action still carries the version it had.
    expect(await caseState(c.caseId)).toEqual(before);
    await t
      .http()
      .post(`/api/cases/${c.caseId}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({ type: 'ACCEPT', payload: { on: '2025-06-30' }, expectedVersion: before.version })
      .expect(200);
  });

  it('lists who downloaded which file of which case, newest first and paged', async () => {
    const c = await caseWithScan();
    await download(c.caseId, c.attachmentId, desk.cookies.clerk).expect(200);
    await download(c.caseId, c.attachmentId, desk.cookies.leader).expect(200);

    const res = await list(desk.cookies.auditor, { caseId: c.caseId }).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        caseId: c.caseId,
        caseRef: c.ref,
        attachmentId: c.attachmentId,
        fileName: '身份证复印件.png',
        kind: 'identity_document',
        kindLabel: '身份证明',
        user: { id: desk.users.leader.id, displayName: desk.users.leader.displayName },
        downloadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      expect.objectContaining({
        user: { id: desk.users.clerk.id, displayName: desk.users.clerk.displayName },
      }),
    ]);
    expect(res.body.items[0].downloadedAt >= res.body.items[1].downloadedAt).toBe(true);

    const second = await list(desk.cookies.admin, {
      caseId: c.caseId,
      page: 2,
      pageSize: 1,
    }).expect(200);
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.body.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([
      desk.users.clerk.id,
    ]);
  });

  it("never shows another agency's downloads, and a refused download records nothing", async () => {
    const mine = await caseWithScan();
    const theirs = await caseWithScan(other);
    await download(mine.caseId, mine.attachmentId, desk.cookies.clerk).expect(200);
    await download(theirs.caseId, theirs.attachmentId, other.cookies.clerk).expect(200);

    const ours = await list(desk.cookies.auditor, { pageSize: 200 }).expect(200);
    const caseIds = ours.body.items.map((r: { caseId: string }) => r.caseId);
    expect(caseIds).toContain(mine.caseId);
    expect(caseIds).not.toContain(theirs.caseId);
    expect(ours.body.total).toBe(ours.body.items.length);
    const otherUsers = Object.values(other.users).map((u) => u.id);
    expect(
      ours.body.items.filter((r: { user: { id: string } }) => otherUsers.includes(r.user.id)),
    ).toEqual([]);
    // Naming another agency's case does not reach it either.
    const named = await list(desk.cookies.auditor, { caseId: theirs.caseId }).expect(200);
    expect(named.body).toMatchObject({ items: [], total: 0 });

    const theirList = await list(other.cookies.leader, { pageSize: 200 }).expect(200);
    expect(theirList.body.items.map((r: { caseId: string }) => r.caseId)).toEqual([theirs.caseId]);

    // Out of scope: 404 and no row; a file of another case: 404 and no row.
    await download(theirs.caseId, theirs.attachmentId, desk.cookies.auditor).expect(404);
    await download(mine.caseId, theirs.attachmentId, desk.cookies.clerk).expect(404);
    expect(await records(theirs.caseId)).toHaveLength(1);
    expect(await records(mine.caseId)).toHaveLength(1);
  });

  it('is for auditors, leaders and administrators only, and checks its query', async () => {
    const refused = await list(desk.cookies.clerk).expect(403);
    expect(refused.body.message).toBeTruthy();
    await t.http().get('/api/attachment-downloads').expect(401);
    for (const role of ['auditor', 'leader', 'admin'] as const) {
      await list(desk.cookies[role]).expect(200);
    }
    const bad = await list(desk.cookies.auditor, { pageSize: 500 }).expect(400);
    expect(bad.body.message).toContain('每页最多200条');
    const badCase = await list(desk.cookies.auditor, { caseId: 'not-a-uuid' }).expect(400);
    expect(badCase.body.message).toContain('案件编号格式有误');
  });

  it('keeps the record in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const c = await caseWithScan();
    await download(c.caseId, c.attachmentId, desk.cookies.clerk).expect(200);
    await expect(
      t.db.query('UPDATE attachment_downloads SET user_id = $2 WHERE case_id = $1', [
        c.caseId,
        desk.users.admin.id,
      ]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(
      t.db.query(
        `UPDATE attachment_downloads SET downloaded_at = now() - interval '1 year'
                   WHERE case_id = $1`,
        [c.caseId],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query('DELETE FROM attachment_downloads WHERE case_id = $1', [c.caseId]),
    ).rejects.toThrow(/append-only: DELETE refused/);
    // Inside a transaction rolled back either way, so other test files' rows are never at risk.
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await expect(runner.query('TRUNCATE attachment_downloads')).rejects.toThrow(/append-only/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await records(c.caseId)).toEqual([
      expect.objectContaining({ user_id: desk.users.clerk.id }),
    ]);
  });

  it('sends no file when the download cannot be recorded', async () => {
    // A desk of its own: the failing trigger below only fires for this clerk.
    const own = await seedDesk(t);
    const c = await caseWithScan(own);
    const name = `refuse_download_${randomUUID().replace(/-/g, '')}`;
    await t.db.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'recording refused for the test'; END $$`);
    await t.db.query(`
      CREATE TRIGGER ${name} BEFORE INSERT ON attachment_downloads FOR EACH ROW
      WHEN (NEW.user_id = '${own.users.clerk.id}') EXECUTE FUNCTION ${name}()`);
    try {
      const res = await download(c.caseId, c.attachmentId, own.cookies.clerk);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect((res.body as Buffer).includes(TINY_PNG.subarray(0, 8))).toBe(false);
      expect(await records(c.caseId)).toEqual([]);
    } finally {
      await t.db.query(`DROP TRIGGER ${name} ON attachment_downloads`);
      await t.db.query(`DROP FUNCTION ${name}()`);
    }
    // Recorded again, served again.
    const file = await download(c.caseId, c.attachmentId, own.cookies.clerk).expect(200);
    expect(Buffer.compare(file.body as Buffer, TINY_PNG)).toBe(0);
    expect(await records(c.caseId)).toHaveLength(1);
  });

  it('records downloads of withdrawn files too', async () => {
    const c = await caseWithScan();
    await t
      .http()
      .post(`/api/cases/${c.caseId}/attachments`)
      .set('Cookie', desk.cookies.clerk)
      .send({
        fileName: '申请书.pdf',
        mediaType: 'application/pdf',
        contentBase64: tinyPdf().toString('base64'),
        kind: 'application_form',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/cases/${c.caseId}/attachments/${c.attachmentId}/withdraw`)
      .set('Cookie', desk.cookies.clerk)
      .send({ reason: '传错了' })
      .expect(200);
    await download(c.caseId, c.attachmentId, desk.cookies.auditor).expect(200);
    expect(await records(c.caseId)).toEqual([
      expect.objectContaining({ attachment_id: c.attachmentId, user_id: desk.users.auditor.id }),
    ]);
  });
});
