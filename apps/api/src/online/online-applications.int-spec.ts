import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai: the receipt date of every application below.
const NOW = new Date('2025-06-30T02:00:00Z');

const application = (agencyCode: string, over: Record<string, unknown> = {}) => ({
  agencyCode,
  applicant: {
    category: 'natural_person',
    name: '李四',
    identityNumber: '11010519491231002X',
    phone: '13912345678',
    email: 'lisi@example.com',
    address: '北京市西城区某街1号',
  },
  information: {
    title: '2024年某路段改造工程立项批复',
    documentNumber: '',
    description: '请提供2024年某路段改造工程的立项批复文件',
  },
  provision: { form: 'electronic', delivery: 'email' },
  confirmed: true,
  ...over,
});

async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

describe('online applications over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    // Generous limits: this app tests behaviour; the limit has its own app below.
    t = await withEnv({ ONLINE_APPLY_RATE_LIMIT: '1000', ONLINE_STATUS_RATE_LIMIT: '1000' }, () =>
      createTestApp({ now: NOW }),
    );
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events`,
    );
    return row as { cases: number; events: number };
  };

  it('creates an online case, dated today, that the clerk of the agency sees in the case list', async () => {
    const res = await t.http().post('/api/public/applications').send(application(desk.agency.code));
    expect(res.status).toBe(201);
    const receipt = res.body;
    expect(receipt.queryCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(receipt.receivedOn).toBe('2025-06-30');
    expect(receipt.agency).toEqual({ code: desk.agency.code, name: desk.agency.name });
    expect(receipt.answerDueOn).toMatch(/^2025-07-\d\d$/);
    expect(receipt.receiptStatement).toContain('第三十一条');
    expect(receipt.receiptStatement).toContain('双方确认');
    expect(receipt.requestedForm).toBe('电子文件；电子邮件');
    expect(JSON.stringify(receipt)).not.toContain('11010519491231002X');

    const list = await t.http().get('/api/cases').set('Cookie', desk.cookies.clerk);
    expect(list.status).toBe(200);
    const item = list.body.items.find((c: { ref: string }) => c.ref === receipt.ref);
    expect(item).toMatchObject({ channel: 'online', applicantName: '李四', state: 'intake' });
    const detail = await t.http().get(`/api/cases/${item.id}`).set('Cookie', desk.cookies.clerk);
    expect(detail.body.case).toMatchObject({
      origin: 'online',
      receivedOn: '2025-06-30',
      queryCode: receipt.queryCode,
      requestedForm: '电子文件；电子邮件',
    });
    expect(detail.body.case.applicant.identityNumberMasked).not.toContain('19491231');
    expect(detail.body.case.request).toContain(
      '特征描述：请提供2024年某路段改造工程的立项批复文件',
    );
  });

  const organisationApplication = (organisationCode: string) =>
    application(desk.agency.code, {
      applicant: {
        category: 'commercial_enterprise',
        name: '福州某某科技有限公司',
        organisationCode,
        contactName: '王五',
        phone: '13912345678',
        email: 'wangwu@example.com',
      },
    });

  it("stores an organisation's 统一社会信用代码 in its own field, not in the request text", async () => {
    const res = await t
      .http()
      .post('/api/public/applications')
      .send(organisationApplication('91350100m000100y43'));
    expect(res.status).toBe(201);
    expect(res.body.request).not.toContain('统一社会信用代码');
    expect(res.body.request).toContain('联系人：王五');
    const [row] = await t.db.query(
      'SELECT id, applicant_credit_code, request_text FROM cases WHERE query_code = $1',
      [res.body.queryCode],
    );
    expect(row.applicant_credit_code).toBe('91350100M000100Y43');
    expect(row.request_text).not.toContain('91350100M000100Y43');
    const detail = await t.http().get(`/api/cases/${row.id}`).set('Cookie', desk.cookies.clerk);
    expect(detail.body.case.applicant).toMatchObject({
      category: 'commercial_enterprise',
      creditCode: '91350100M000100Y43',
    });
  });

  it('checks the check character of an organisation code, with the same message as the form', async () => {
    const before = await counts();
    const res = await t
      .http()
      .post('/api/public/applications')
      .send(organisationApplication('91350100M000100Y44'));
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors).toEqual([
      { field: 'applicant.organisationCode', message: expect.stringContaining('校验码应为3') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await counts();
    const bad = [
      application(desk.agency.code, {
        applicant: {
          category: 'natural_person',
          name: '',
          identityNumber: '110105194912310021',
          phone: '123',
        },
        provision: { form: 'paper', delivery: 'email' },
      }),
      application(desk.agency.code, { confirmed: false, information: { description: '' } }),
      { agencyCode: 42 },
      'not json at all',
      application(desk.agency.code, {
        applicant: { category: 'commercial_enterprise', name: '某公司', phone: '13912345678' },
        provision: { form: 'paper', delivery: 'post' },
      }),
    ];
    for (const body of bad) {
      const res = await t
        .http()
        .post('/api/public/applications')
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
    const first = await t
      .http()
      .post('/api/public/applications')
      .send(bad[0] as object);
    const fields = Object.fromEntries(
      (first.body.fieldErrors as { field: string; message: string }[]).map((f) => [
        f.field,
        f.message,
      ]),
    );
    expect(fields['applicant.name']).toBe('请填写申请人姓名或名称');
    expect(fields['applicant.phone']).toContain('联系电话格式不正确');
    expect(fields['applicant.identityNumber']).toContain('校验');
    expect(fields['applicant.email']).toBe('通过电子邮件获取信息的，请填写电子邮箱');
    expect(fields['provision.delivery']).toBe('只有电子文件可以通过电子邮件发送');
    const org = await t
      .http()
      .post('/api/public/applications')
      .send(bad[4] as object);
    expect(org.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'applicant.contactName', message: '请填写联系人姓名' },
        { field: 'applicant.address', message: '通过邮寄获取信息的，请填写通讯地址' },
      ]),
    );
    const unknownAgency = await t
      .http()
      .post('/api/public/applications')
      .send(application('no-such-agency'));
    expect(unknownAgency.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('shows the stage and due date for the right pair, and the same 404 for a wrong code or phone', async () => {
    const receipt = (
      await t.http().post('/api/public/applications').send(application(desk.agency.code))
    ).body;
    const ok = await t
      .http()
      .post('/api/public/applications/status')
      .send({ queryCode: receipt.queryCode.toLowerCase(), phoneLast4: '5678' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      queryCode: receipt.queryCode,
      stage: 'received',
      stageLabel: '已收到',
      receivedOn: '2025-06-30',
      answerDueOn: receipt.answerDueOn,
      closed: false,
      outcome: null,
    });
    for (const key of [
      'applicant',
      'request',
      'approvals',
      'assignedClerkId',
      'snapshot',
      'deadlines',
    ])
      expect(ok.body).not.toHaveProperty(key);

    const wrongPhone = await t
      .http()
      .post('/api/public/applications/status')
      .send({ queryCode: receipt.queryCode, phoneLast4: '0000' });
    const wrongCode = await t
      .http()
      .post('/api/public/applications/status')
      .send({ queryCode: 'ZZZZZZZZZZ', phoneLast4: '5678' });
    expect(wrongPhone.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    expect(wrongPhone.body).toEqual(wrongCode.body);

    const malformed = await t
      .http()
      .post('/api/public/applications/status')
      .send({ queryCode: 'abc', phoneLast4: '12' });
    expect(malformed.status).toBe(400);
  });

  it('follows the case: a withdrawal reads as 已撤回, without an outcome', async () => {
    const receipt = (
      await t.http().post('/api/public/applications').send(application(desk.agency.code))
    ).body;
    const list = await t
      .http()
      .get('/api/cases')
      .query({ q: receipt.ref })
      .set('Cookie', desk.cookies.clerk);
    const item = list.body.items.find((c: { ref: string }) => c.ref === receipt.ref);
    const res = await t
      .http()
      .post(`/api/cases/${item.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({ type: 'WITHDRAW', payload: { on: '2025-06-30' }, expectedVersion: item.version });
    expect(res.status).toBe(200);
    const status = await t
      .http()
      .post('/api/public/applications/status')
      .send({ queryCode: receipt.queryCode, phoneLast4: '5678' });
    expect(status.body).toMatchObject({
      stage: 'withdrawn',
      closed: true,
      answerDueOn: null,
      outcome: null,
    });
  });
});

describe('online application rate limit', () => {
  let t: TestApp;
  let agencyCode: string;

  beforeAll(async () => {
    t = await withEnv({ ONLINE_APPLY_RATE_LIMIT: '3', ONLINE_STATUS_RATE_LIMIT: '4' }, () =>
      createTestApp({ now: NOW }),
    );
    agencyCode = (await seedDesk(t)).agency.code;
  });
  afterAll(() => t.close());

  it('answers 429 after the limit, counts look-ups apart, and leaves other routes alone', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (await t.http().post('/api/public/applications').send(application(agencyCode))).status,
      );
    }
    expect(codes).toEqual([201, 201, 201, 429]);
    const refused = await t.http().post('/api/public/applications').send(application(agencyCode));
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe('操作过于频繁，请稍后再试');

    const lookups: number[] = [];
    for (let i = 0; i < 5; i++) {
      lookups.push(
        (
          await t
            .http()
            .post('/api/public/applications/status')
            .send({ queryCode: 'ZZZZZZZZZZ', phoneLast4: '0000' })
        ).status,
      );
    }
    expect(lookups).toEqual([404, 404, 404, 404, 429]);

    for (let i = 0; i < 6; i++)
      expect((await t.http().get('/api/public/agencies')).status).toBe(200);
  });
});
