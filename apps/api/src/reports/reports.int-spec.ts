import { createHash } from 'node:crypto';
import { allowCaseWrites } from '@gongkai/persistence';
import { parseReportText } from '@gongkai/report';
import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { insertCaseRows } from '../statistics/statistics-seed.testing';

type Desk = Awaited<ReturnType<typeof seedDesk>>;
type Role = keyof Desk['cookies'];
const ROLES: Role[] = ['clerk', 'leader', 'auditor', 'admin'];

const TEXTS = {
  preamble: '根据《中华人民共和国政府信息公开条例》编制本报告。',
  overview: {
    proactive: '全年主动公开各类信息592条。',
    onRequest: '依申请公开工作规范有序。',
    management: '加强政府信息管理。',
    platform: '加强平台建设。',
    supervision: '接受社会监督。',
  },
  problems: '存在的问题：公开内容不够全面。',
  other: '本年度没有产生信息处理费。',
};

const buffer = (res: { body: unknown; text?: string }): Buffer =>
  Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '');

type Parser = Parameters<ReturnType<ReturnType<TestApp['http']>['get']>['parse']>[0];
/** Collects a binary body (DOCX) as a Buffer. */
const binary: Parser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('annual report lifecycle over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const call = (
    desk: Desk,
    role: Role | null,
    method: 'get' | 'put' | 'post',
    path: string,
    body?: object,
  ) => {
    let req = t.http()[method](path);
    if (role) req = req.set('Cookie', desk.cookies[role]);
    return body ? req.send(body) : req;
  };

  it('route × role: clerks draft and submit, leaders approve, return and publish, admins publish, auditors read; signed out 401', async () => {
    const desk = await seedDesk(t);
    const expectStatus = async (
      method: 'get' | 'put' | 'post',
      path: string,
      allowed: Role[],
      body?: object,
    ) => {
      for (const role of ROLES) {
        const res = await call(desk, role, method, path, body);
        if (allowed.includes(role)) expect([role, path, res.status]).not.toEqual([role, path, 403]);
        else expect([role, path, res.status]).toEqual([role, path, 403]);
      }
      expect((await call(desk, null, method, path, body)).status).toBe(401);
    };
    await expectStatus('get', '/api/reports/2023', ROLES);
    await expectStatus('get', '/api/reports/2023/versions', ROLES);
    await expectStatus('get', '/api/reports/2023/download?format=txt', ROLES);
    await expectStatus('put', '/api/reports/2023/texts', ['clerk'], { texts: TEXTS });
    await expectStatus('post', '/api/reports/2023/submit', ['clerk'], {});
    await expectStatus('post', '/api/reports/2023/approve', ['leader'], {});
    await expectStatus('post', '/api/reports/2023/return', ['leader'], { comment: '请补充' });
    await expectStatus('post', '/api/reports/2023/publish', ['leader', 'admin'], {});
  });

  it('scope: another agency’s report is a 404, not a 403', async () => {
    const desk = await seedDesk(t);
    const other = await seedDesk(t);
    for (const role of ROLES) {
      const res = await call(other, role, 'get', `/api/reports/2023?agency=${desk.agency.code}`);
      expect(res.status).toBe(404);
    }
    const put = await call(
      other,
      'clerk',
      'put',
      `/api/reports/2023/texts?agency=${desk.agency.code}`,
      {
        texts: TEXTS,
      },
    );
    expect(put.status).toBe(404);
  });

  it('draft → submit → return → submit → approve → publish; a correction is version 2 with a note and version 1 stays readable with the same hash', async () => {
    const desk = await seedDesk(t);
    await insertCaseRows(t.db, desk.agency.id, [
      {
        receivedOn: '2023-03-01',
        decidedOn: '2023-03-20',
        outcome: 'disclosed',
        applicantCategory: 'natural_person',
      },
      {
        receivedOn: '2023-12-28',
        decidedOn: null,
        outcome: null,
        applicantCategory: 'commercial_enterprise',
      },
    ]);

    // Before anyone writes, the draft starts from the generated paragraphs.
    const fresh = await call(desk, 'clerk', 'get', '/api/reports/2023');
    expect(fresh.status).toBe(200);
    expect(fresh.body.status).toBe('draft');
    expect(fresh.body.texts.overview.onRequest).toContain('共收到政府信息公开申请2件');
    expect(fresh.body.texts.other).toContain('本年度没有产生信息处理费');
    expect(fresh.body.report.section3.rows.received[6]).toBe(2);
    expect(fresh.body.blockers).toEqual([]);
    expect(fresh.body.allowed).toEqual(['editTexts', 'submit']);

    const put = await call(desk, 'clerk', 'put', '/api/reports/2023/texts', { texts: TEXTS });
    expect(put.status).toBe(200);
    expect(put.body.texts).toEqual(TEXTS);
    const stale = await call(desk, 'clerk', 'put', '/api/reports/2023/texts', {
      texts: TEXTS,
      expectedRevision: 1,
    });
    expect(stale.status).toBe(409);

    expect((await call(desk, 'leader', 'post', '/api/reports/2023/approve', {})).status).toBe(409);
    expect((await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {})).body.status).toBe(
      'submitted',
    );
    expect(
      (await call(desk, 'clerk', 'put', '/api/reports/2023/texts', { texts: TEXTS })).status,
    ).toBe(409);
    const noComment = await call(desk, 'leader', 'post', '/api/reports/2023/return', {
      comment: '',
    });
    expect(noComment.status).toBe(400);
    const returned = await call(desk, 'leader', 'post', '/api/reports/2023/return', {
      comment: '请补充监督保障内容',
    });
    expect(returned.body.status).toBe('draft');
    expect(returned.body.review.comment).toBe('请补充监督保障内容');
    await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {});
    expect((await call(desk, 'leader', 'post', '/api/reports/2023/publish', {})).status).toBe(409);
    const approved = await call(desk, 'leader', 'post', '/api/reports/2023/approve', {
      comment: '同意',
    });
    expect(approved.body.status).toBe('approved');
    const published = await call(desk, 'leader', 'post', '/api/reports/2023/publish', {});
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.latestVersion).toBe(1);
    const v1 = published.body.versions[0];

    const json1 = await call(
      desk,
      'auditor',
      'get',
      '/api/reports/2023/download?format=json&version=1',
    );
    expect(json1.status).toBe(200);
    const bytes1 = buffer(json1);
    expect(createHash('sha256').update(bytes1).digest('hex')).toBe(v1.sha256);
    const frozen = JSON.parse(bytes1.toString('utf8'));
    expect(frozen.status).toBe('published');
    expect(frozen.version).toBe(1);
    expect(frozen.texts.problems).toBe(TEXTS.problems);
    expect(frozen.section3.rows.carried_forward[1]).toBe(1);
    const txt1 = await call(
      desk,
      'clerk',
      'get',
      '/api/reports/2023/download?format=txt&version=1',
    );
    expect(parseReportText(txt1.text, { year: 2023 }).report.section3).toEqual(frozen.section3);
    const docx = await call(
      desk,
      'clerk',
      'get',
      '/api/reports/2023/download?format=docx&version=1',
    )
      .buffer(true)
      .parse(binary);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    // The public site reads it without signing in.
    const pub = await t.http().get(`/api/public/reports/${desk.agency.code}/2023`);
    expect(pub.status).toBe(200);
    expect(pub.body.sha256).toBe(v1.sha256);
    expect(pub.body.report.section3).toEqual(frozen.section3);
    const pubJson = await t
      .http()
      .get(`/api/public/reports/${desk.agency.code}/2023/download?format=json`);
    expect(createHash('sha256').update(buffer(pubJson)).digest('hex')).toBe(v1.sha256);
    const csv = await t
      .http()
      .get(`/api/public/reports/${desk.agency.code}/2023/download?format=csv&section=4`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const index = await t.http().get('/api/public/reports');
    expect(index.body.reports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: expect.objectContaining({ code: desk.agency.code }),
          year: 2023,
          version: 1,
        }),
      ]),
    );
    const tree = await t.http().get('/api/public/agencies');
    expect(tree.status).toBe(200);
    expect(JSON.stringify(tree.body)).toContain(desk.agency.code);
    expect((await t.http().get(`/api/public/reports/${desk.agency.code}/2022`)).status).toBe(404);

    // A late decision changes the live numbers; the published version does not move.
    await t.db.transaction(async (m) => {
      await allowCaseWrites(m);
      await m.query(
        `UPDATE cases SET decided_on = '2023-12-30', outcome = 'partially_disclosed', closed = true
          WHERE agency_id = $1 AND decided_on IS NULL`,
        [desk.agency.id],
      );
    });
    await expect(
      t.db.query('UPDATE report_versions SET txt = $1 WHERE agency_id = $2', ['x', desk.agency.id]),
    ).rejects.toThrow(/append-only/);

    const corrected = { ...TEXTS, problems: '更正：补充说明。' };
    const editing = await call(desk, 'clerk', 'put', '/api/reports/2023/texts', {
      texts: corrected,
    });
    expect(editing.body.status).toBe('draft');
    await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {});
    await call(desk, 'leader', 'post', '/api/reports/2023/approve', {});
    const noNote = await call(desk, 'admin', 'post', '/api/reports/2023/publish', {});
    expect(noNote.status).toBe(422);
    expect(noNote.body.code).toBe('change_note_required');
    const v2 = await call(desk, 'admin', 'post', '/api/reports/2023/publish', {
      changeNote: '补充一件12月30日作出的答复，更正第五部分文字',
    });
    expect(v2.status).toBe(200);
    expect(v2.body.latestVersion).toBe(2);
    expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(v2.body.versions[0].sha256).toBe(v1.sha256);

    const again1 = await call(
      desk,
      'auditor',
      'get',
      '/api/reports/2023/download?format=json&version=1',
    );
    expect(buffer(again1).equals(bytes1)).toBe(true);
    const pubV1 = await t.http().get(`/api/public/reports/${desk.agency.code}/2023/versions/1`);
    expect(pubV1.body.sha256).toBe(v1.sha256);
    expect(pubV1.body.report.section3.rows.carried_forward[1]).toBe(1);
    const latest = await t.http().get(`/api/public/reports/${desk.agency.code}/2023`);
    expect(latest.body.version).toBe(2);
    expect(latest.body.changeNote).toContain('更正');
    expect(latest.body.report.section3.rows.partially_disclosed[1]).toBe(1);
    expect(latest.body.report.section3.rows.carried_forward[1]).toBe(0);
    expect(
      (await call(desk, 'clerk', 'get', '/api/reports/2023/download?format=json&version=3')).status,
    ).toBe(404);
  });

  it('publication is refused while an error check fails (I7 on section 二), and submission while I5 fails against last year’s published 结转下年度', async () => {
    const desk = await seedDesk(t);
    // 2022: published with nothing carried forward.
    await call(desk, 'clerk', 'post', '/api/reports/2022/submit', {});
    await call(desk, 'leader', 'post', '/api/reports/2022/approve', {});
    expect((await call(desk, 'leader', 'post', '/api/reports/2022/publish', {})).status).toBe(200);
    // Then a December 2022 application is entered late: 2023 carries in 1, 2022 published 0.
    await insertCaseRows(t.db, desk.agency.id, [
      {
        receivedOn: '2022-12-20',
        decidedOn: '2023-01-10',
        outcome: 'disclosed',
        applicantCategory: 'natural_person',
      },
    ]);
    const draft = await call(desk, 'clerk', 'get', '/api/reports/2023');
    expect([...new Set(draft.body.blockers.map((c: { id: string }) => c.id))]).toEqual(['I5']);
    expect(draft.body.allowed).not.toContain('submit');
    const refused = await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('checks_failed');
    expect(refused.body.checks[0].id).toBe('I5');
    const explained = await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {
      crossYearNote: '2022年12月20日收到的申请于2023年补录',
    });
    expect(explained.status).toBe(200);
    await call(desk, 'leader', 'post', '/api/reports/2023/approve', {});

    // Section 二 gets a negative figure after approval: publication is refused (I7).
    await t.db.query(
      `INSERT INTO section2_figures (agency_id, year, format, figures) VALUES ($1, 2023, '2021', $2)`,
      [
        desk.agency.id,
        {
          rules: { issued: -1, repealed: 0, inForce: 0 },
          normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
          licensing: { decisions: 0 },
          penalties: { decisions: 0 },
          enforcement: { decisions: 0 },
          fees: { amountWan: 0 },
        },
      ],
    );
    const blocked = await call(desk, 'leader', 'post', '/api/reports/2023/publish', {});
    expect(blocked.status).toBe(422);
    expect(blocked.body.checks.map((c: { id: string }) => c.id)).toContain('I7');
    expect((await call(desk, 'leader', 'get', '/api/reports/2023/versions')).body).toEqual([]);
    await t.db.query(
      `UPDATE section2_figures SET figures = jsonb_set(figures, '{rules,issued}', '0') WHERE agency_id = $1`,
      [desk.agency.id],
    );
    expect((await call(desk, 'leader', 'post', '/api/reports/2023/publish', {})).status).toBe(200);
  });

  it('a text contradicting 表三 (N1) does not block, but is published only with the approving leader’s acknowledgement, recorded in the version', async () => {
    const desk = await seedDesk(t);
    await insertCaseRows(t.db, desk.agency.id, [
      {
        receivedOn: '2023-03-01',
        decidedOn: '2023-03-20',
        outcome: 'disclosed',
        applicantCategory: 'natural_person',
      },
    ]);
    const texts = {
      ...TEXTS,
      overview: { ...TEXTS.overview, onRequest: '2023年共收到政府信息公开申请5件。' },
    };
    const draft = await call(desk, 'clerk', 'put', '/api/reports/2023/texts', { texts });
    const n1 = draft.body.checks.find((c: { id: string }) => c.id === 'N1');
    expect(n1).toMatchObject({
      ok: false,
      level: 'error',
      sentence: '2023年共收到政府信息公开申请5件。',
      cells: [{ section: '3', row: 'received', column: 'total' }],
    });
    expect(draft.body.blockers).toEqual([]);
    expect((await call(desk, 'clerk', 'post', '/api/reports/2023/submit', {})).status).toBe(200);
    expect((await call(desk, 'leader', 'post', '/api/reports/2023/approve', {})).status).toBe(200);

    const unacknowledged = await call(desk, 'leader', 'post', '/api/reports/2023/publish', {});
    expect(unacknowledged.status).toBe(422);
    expect(unacknowledged.body.code).toBe('narrative_unacknowledged');
    expect(unacknowledged.body.message).toMatch(
      /^正文与表格不一致，须由批准该报告的负责人确认后发布/,
    );
    const notApprover = await call(desk, 'admin', 'post', '/api/reports/2023/publish', {
      acknowledgeNarrative: true,
    });
    expect(notApprover.status).toBe(403);
    expect(notApprover.body.code).toBe('narrative_ack_not_approver');
    const badFlag = await call(desk, 'leader', 'post', '/api/reports/2023/publish', {
      acknowledgeNarrative: 'yes',
    });
    expect(badFlag.status).toBe(400);

    const published = await call(desk, 'leader', 'post', '/api/reports/2023/publish', {
      acknowledgeNarrative: true,
    });
    expect(published.status).toBe(200);
    const json = await call(
      desk,
      'auditor',
      'get',
      '/api/reports/2023/download?format=json&version=1',
    );
    const frozen = JSON.parse(buffer(json).toString('utf8'));
    const [{ published_by: leaderId }] = (await t.db.query(
      'SELECT published_by FROM report_versions WHERE agency_id = $1',
      [desk.agency.id],
    )) as { published_by: string }[];
    expect(frozen.checks.find((c: { id: string }) => c.id === 'N1')).toMatchObject({
      ok: false,
      sentence: '2023年共收到政府信息公开申请5件。',
      acknowledgement: { by: leaderId, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    });
  });

  it('400 for a bad year or format, 404 for a version that does not exist', async () => {
    const desk = await seedDesk(t);
    expect((await call(desk, 'clerk', 'get', '/api/reports/20x3')).status).toBe(400);
    expect((await call(desk, 'clerk', 'get', '/api/reports/2023/download?format=pdf')).status).toBe(
      400,
    );
    expect(
      (await call(desk, 'clerk', 'get', '/api/reports/2023/download?format=json&version=1')).status,
    ).toBe(404);
    expect((await t.http().get('/api/public/reports/no-such-agency/2023')).status).toBe(404);
  });
});
