import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import type { Response } from 'supertest';
import {
  createTestApp,
  seedAgency,
  seedDesk,
  seedUser,
  login,
  registerCase,
  type TestApp,
} from '../testing/test-app';
import { storedZip, tinyPdf, TINY_PNG } from './attachment-fixtures.testing';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const application = {
  receivedOn: '2025-06-23',
  channel: 'in_person',
  applicant: { category: 'natural_person', name: '李四' },
  request: '申请公开某小区加装电梯的审批文件',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** supertest keeps a binary answer as bytes only when told to. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('case attachments over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
  });
  afterAll(() => t.close());

  const register = () => registerCase(t, desk.cookies.clerk, application);
  const upload = (caseId: string, body: Record<string, unknown>, cookie = desk.cookies.clerk) =>
    t.http().post(`/api/cases/${caseId}/attachments`).set('Cookie', cookie).send(body);
  const pdfBody = (over: Record<string, unknown> = {}) => ({
    fileName: '申请书（扫描件）.pdf',
    mediaType: 'application/pdf',
    contentBase64: tinyPdf().toString('base64'),
    kind: 'application_form',
    note: '窗口收取的纸质申请书',
    ...over,
  });
  const download = (caseId: string, attachmentId: string, cookie: string) =>
    t
      .http()
      .get(`/api/cases/${caseId}/attachments/${attachmentId}/content`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse(binary);
  const counts = async (caseId: string) => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM case_attachments WHERE case_id = $1) AS attachments,
              (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events,
              (SELECT version FROM cases WHERE id = $1) AS version`,
      [caseId],
    );
    return row as { attachments: number; events: number; version: number };
  };

  it('uploads, lists without content and downloads the same bytes under the Chinese name', async () => {
    const c = await register();
    const pdf = tinyPdf();
    const res = await upload(c.id, pdfBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: c.id,
      fileName: '申请书（扫描件）.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      kind: 'application_form',
      kindLabel: '申请书',
      note: '窗口收取的纸质申请书',
      uploadedBy: { id: desk.users.clerk.id, displayName: desk.users.clerk.displayName },
      withdrawn: null,
    });

    for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
      const list = await t
        .http()
        .get(`/api/cases/${c.id}/attachments`)
        .set('Cookie', desk.cookies[role])
        .expect(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).not.toHaveProperty('content');
      expect(list.body[0].id).toBe(res.body.id);

      const file = await download(c.id, res.body.id, desk.cookies[role]).expect(200);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="_.pdf"; filename*=UTF-8''${encodeURIComponent('申请书（扫描件）')}.pdf`,
      );
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('journals each upload hash-chained, with name, kind, size and hash but not the content', async () => {
    const c = await register();
    const pdf = tinyPdf('补正材料');
    const first = await upload(
      c.id,
      pdfBody({
        kind: 'supplement',
        fileName: '补正材料.pdf',
        contentBase64: pdf.toString('base64'),
      }),
    ).expect(201);
    const png = await upload(c.id, {
      fileName: '身份证复印件.png',
      mediaType: 'image/png',
      contentBase64: TINY_PNG.toString('base64'),
      kind: 'identity_document',
    }).expect(201);
    expect(png.body.note).toBeNull();

    const timeline = await t
      .http()
      .get(`/api/cases/${c.id}/timeline`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual([
      'REGISTERED',
      'ATTACHMENT_ADDED',
      'ATTACHMENT_ADDED',
    ]);
    expect(timeline.body[1]).toMatchObject({
      label: '上传附件',
      machineEvent: false,
      stateAfter: 'intake',
      actor: { id: desk.users.clerk.id, role: 'clerk' },
      payload: {
        attachmentId: first.body.id,
        fileName: '补正材料.pdf',
        kind: 'supplement',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha256(pdf),
      },
    });
    expect(JSON.stringify(timeline.body)).not.toContain(pdf.toString('base64'));

    const verify = await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true, casesChecked: 1, eventsChecked: 3 });

    // The case moved on a version per journal row: a stale expectedVersion is a conflict.
    const detail = await t
      .http()
      .get(`/api/cases/${c.id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(detail.body.case).toMatchObject({ version: 3, state: 'intake' });
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({ type: 'ACCEPT', payload: { on: '2025-06-30' }, expectedVersion: 1 })
      .expect(409);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({ type: 'ACCEPT', payload: { on: '2025-06-30' }, expectedVersion: 3 })
      .expect(200);
    const after = await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', desk.cookies.leader)
      .expect(200);
    expect(after.body).toMatchObject({ ok: true, eventsChecked: 4 });
  });

  it('accepts Word, OFD and ZIP files that are what they say', async () => {
    const c = await register();
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('送达回证')] }] }),
    );
    await upload(c.id, {
      fileName: '送达回证.docx',
      mediaType: DOCX,
      contentBase64: docx.toString('base64'),
      kind: 'service_receipt',
    }).expect(201);
    await upload(c.id, {
      fileName: '答复书签章版.ofd',
      mediaType: 'application/ofd',
      contentBase64: storedZip(['OFD.xml', 'Doc_0/Document.xml']).toString('base64'),
      kind: 'other',
    }).expect(201);
    // A .zip may carry anything zipped, Office files included.
    await upload(c.id, {
      fileName: '补正材料.zip',
      mediaType: 'application/zip',
      contentBase64: docx.toString('base64'),
      kind: 'supplement',
    }).expect(201);
    expect(await counts(c.id)).toEqual({ attachments: 3, events: 4, version: 4 });
  });

  it('withdraws with a reason: the row, its content and its journal stay', async () => {
    const c = await register();
    const uploaded = await upload(c.id, pdfBody()).expect(201);
    const url = `/api/cases/${c.id}/attachments/${uploaded.body.id}/withdraw`;

    await t
      .http()
      .post(url)
      .set('Cookie', desk.cookies.leader)
      .send({ reason: '误传' })
      .expect(403);
    const blank = await t.http().post(url).set('Cookie', desk.cookies.clerk).send({ reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toContain('请填写撤回原因');

    const res = await t
      .http()
      .post(url)
      .set('Cookie', desk.cookies.clerk)
      .send({ reason: '上传错了案件，应为另一件的申请书' })
      .expect(200);
    expect(res.body.withdrawn).toMatchObject({
      by: { id: desk.users.clerk.id },
      reason: '上传错了案件，应为另一件的申请书',
    });

    const again = await t
      .http()
      .post(url)
      .set('Cookie', desk.cookies.clerk)
      .send({ reason: '再撤' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已经撤回');

    const list = await t
      .http()
      .get(`/api/cases/${c.id}/attachments`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].withdrawn.reason).toBe('上传错了案件，应为另一件的申请书');
    const file = await download(c.id, uploaded.body.id, desk.cookies.auditor).expect(200);
    expect(Buffer.compare(file.body as Buffer, tinyPdf())).toBe(0);

    const timeline = await t
      .http()
      .get(`/api/cases/${c.id}/timeline`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(timeline.body[2]).toMatchObject({
      type: 'ATTACHMENT_WITHDRAWN',
      label: '撤回附件',
      payload: {
        attachmentId: uploaded.body.id,
        fileName: '申请书（扫描件）.pdf',
        sha256: uploaded.body.sha256,
        reason: '上传错了案件，应为另一件的申请书',
      },
    });
    await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200)
      .expect((r) => expect(r.body).toMatchObject({ ok: true, eventsChecked: 3 }));
  });

  it('keeps attachments as evidence in the database itself: no content change, no delete', async () => {
    const c = await register();
    const uploaded = await upload(c.id, pdfBody()).expect(201);
    await expect(
      t.db.query(`UPDATE case_attachments SET content = '\\x00'::bytea WHERE id = $1`, [
        uploaded.body.id,
      ]),
    ).rejects.toThrow(/evidence/);
    await expect(
      t.db.query(`UPDATE case_attachments SET file_name = 'x.pdf' WHERE id = $1`, [
        uploaded.body.id,
      ]),
    ).rejects.toThrow(/evidence/);
    // A withdrawal marker cannot smuggle in new content: the hash check ties content to sha256.
    await expect(
      t.db.query(
        `UPDATE case_attachments SET withdrawn_at = now(), withdrawn_by = uploaded_by,
                withdrawal_reason = '换文件', content = '\\x00'::bytea WHERE id = $1`,
        [uploaded.body.id],
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.query('DELETE FROM case_attachments WHERE id = $1', [uploaded.body.id]),
    ).rejects.toThrow(/append-only/);
    expect((await counts(c.id)).attachments).toBe(1);
  });

  it("answers 404 for another agency's case and its files, and writes nothing", async () => {
    const c = await register();
    const uploaded = await upload(c.id, pdfBody()).expect(201);
    const before = await counts(c.id);
    const outsider = other.cookies.clerk;
    await t.http().get(`/api/cases/${c.id}/attachments`).set('Cookie', outsider).expect(404);
    await download(c.id, uploaded.body.id, other.cookies.auditor).expect(404);
    await upload(c.id, pdfBody(), outsider).expect(404);
    await t
      .http()
      .post(`/api/cases/${c.id}/attachments/${uploaded.body.id}/withdraw`)
      .set('Cookie', outsider)
      .send({ reason: '越权撤回' })
      .expect(404);
    expect(await counts(c.id)).toEqual(before);

    // An attachment of one case is not reachable through another case of the same agency.
    const second = await register();
    await download(second.id, uploaded.body.id, desk.cookies.clerk).expect(404);
    await download(c.id, 'not-a-uuid', desk.cookies.clerk).expect(404);
  });

  it('lets a supervising auditor read a unit’s files but no one outside the unit upload', async () => {
    const parent = await seedAgency(t.db, { name: '上级主管部门' });
    const unit = await seedDesk(t, parent);
    const supervisor = await seedUser(t.db, {
      agency: parent,
      roles: ['auditor', 'clerk'],
      subtreeScope: true,
    });
    const cookie = await login(t, supervisor.username);
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', unit.cookies.clerk)
      .send(application);
    const caseId = res.body.case.id as string;
    const uploaded = await upload(caseId, pdfBody(), unit.cookies.clerk).expect(201);
    await t.http().get(`/api/cases/${caseId}/attachments`).set('Cookie', cookie).expect(200);
    await download(caseId, uploaded.body.id, cookie).expect(200);
    const refused = await upload(caseId, pdfBody(), cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('本机关');
  });

  it.each([
    ['bad base64', { contentBase64: '这不是base64!' }, 400, 'base64'],
    ['an empty file', { contentBase64: '' }, 400, '文件为空'],
    ['an unknown kind', { kind: 'photo' }, 400, '未知的附件类别'],
    [
      'a media type not accepted',
      { mediaType: 'application/x-msdownload', fileName: 'a.exe' },
      400,
      '不支持的文件类型',
    ],
    ['a missing file name', { fileName: undefined }, 400, '文件名'],
    ['a path in the file name', { fileName: '..\\..\\申请书.pdf' }, 400, '路径分隔符'],
    ['a renamed PNG', { contentBase64: TINY_PNG.toString('base64') }, 422, '实际为：PNG'],
    [
      'an executable renamed to .pdf',
      { contentBase64: Buffer.from('MZ\x90\x00').toString('base64') },
      422,
      '改了扩展名',
    ],
    ['a name that does not fit the type', { fileName: '申请书.docx' }, 422, '扩展名'],
  ])(
    'refuses %s with a Chinese message and writes nothing',
    async (_name, over, status, message) => {
      const c = await register();
      const res = await upload(c.id, pdfBody(over));
      expect(res.status).toBe(status);
      expect(res.body.message).toContain(message);
      expect(await counts(c.id)).toEqual({ attachments: 0, events: 1, version: 1 });
    },
  );

  it('refuses a file over 20 MB with 413 and writes nothing', async () => {
    const c = await register();
    // Zero bytes: 20 MB and one byte more, padded.
    const base64 = Buffer.alloc(20 * 1024 * 1024 + 1).toString('base64');
    const res = await upload(c.id, pdfBody({ contentBase64: base64 }));
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('超过单个附件 20.0 MB 的上限');
    expect(await counts(c.id)).toEqual({ attachments: 0, events: 1, version: 1 });
  });

  it('lets only clerks upload', async () => {
    const c = await register();
    for (const role of ['leader', 'auditor', 'admin'] as const) {
      await upload(c.id, pdfBody(), desk.cookies[role]).expect(403);
    }
    await t.http().get(`/api/cases/${c.id}/attachments`).expect(401);
    expect((await counts(c.id)).attachments).toBe(0);
  });
});
