import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

describe('fees over HTTP (国办函〔2020〕109号)', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    for (let i = 0; i < 12; i++) {
      const res = await t
        .http()
        .post('/api/cases')
        .set('Cookie', desk.cookies.clerk)
        .send({
          receivedOn: `2025-06-${String(2 + i).padStart(2, '0')}`,
          channel: 'online',
          applicant: { category: 'natural_person', name: '孙大量' },
          request: `申请公开第${i + 1}批项目资料`,
        });
      expect(res.status).toBe(201);
      ids.push(res.body.case.id);
    }
  });
  afterAll(() => t.close());

  const fee = (id: string, query: Record<string, string>, cookie = desk.cookies.clerk) =>
    t.http().get(`/api/cases/${id}/fee`).query(query).set('Cookie', cookie);

  it('computes 按件 from the applicant’s applications of the month, with the derivation', async () => {
    const res = await fee(ids[11] as string, { standard: 'per_application' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      standard: 'per_application',
      month: '2025-06',
      ordinalInMonth: 12,
      monthCount: 12,
      amountYuan: 100,
    });
    expect(res.body.lines.join('')).toContain('本件为该申请人当月第12件申请');
    const first = await fee(ids[0] as string, { standard: 'per_application' });
    expect(first.body).toMatchObject({ ordinalInMonth: 1, amountYuan: 0 });
  });

  it('computes 按量 from the pages and refuses a request without pages in Chinese', async () => {
    const res = await fee(ids[0] as string, { standard: 'per_page', pages: '45' });
    expect(res.body).toMatchObject({ amountYuan: 150, pages: 45 });
    const bad = await fee(ids[0] as string, { standard: 'per_page' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('按量计收请填写提供的页数');
    const other = await seedDesk(t);
    expect(
      (await fee(ids[0] as string, { standard: 'per_application' }, other.cookies.clerk)).status,
    ).toBe(404);
  });

  it('serves the computed fee, or another amount only with a recorded reason', async () => {
    const id = ids[11] as string;
    const view = await t.http().get(`/api/cases/${id}`).set('Cookie', desk.cookies.clerk);
    const send = (payload: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/cases/${id}/events`)
        .set('Cookie', desk.cookies.clerk)
        .send({
          type: 'SERVE_FEE_NOTICE',
          payload: {
            on: '2025-06-30',
            standard: 'per_application',
            ordinalInMonth: 12,
            ...payload,
          },
        });
    await t
      .http()
      .post(`/api/cases/${id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({
        type: 'ACCEPT',
        payload: { on: '2025-06-30' },
        expectedVersion: view.body.case.version,
      });
    const wrong = await send({ amountYuan: 80 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('应为100元');
    const reasoned = await send({ amountYuan: 80, overrideReason: '申请人合并提交，按减半计收' });
    expect(reasoned.status).toBe(200);
    expect(reasoned.body.case.feeState).toBe('awaiting');
  });
});
