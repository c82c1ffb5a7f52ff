import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { binary, documentText } from './letters.testing';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

describe('the 不再处理告知书 of a case that ended without a decision, over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  const register = async () => {
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send({
        receivedOn: '2025-06-23',
        channel: 'in_person',
        applicant: { category: 'natural_person', name: '钱七' },
        request: '申请公开某会议纪要',
      });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; version: number };
  };
  const send = (id: string, version: number, type: string, payload: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/cases/${id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({ type, payload: { on: '2025-06-30', ...payload }, expectedVersion: version });
  const letter = (id: string) =>
    t
      .http()
      .get(`/api/cases/${id}/letters/termination`)
      .set('Cookie', desk.cookies.clerk)
      .buffer(true)
      .parse(binary as never);

  it('offers the notice service on a withdrawn case, journals it with its label, and prints the letter', async () => {
    const c = await register();
    expect((await letter(c.id)).status).toBe(422);
    const withdrawn = await send(c.id, c.version, 'WITHDRAW', { on: '2025-06-27' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual([
      'RECORD_NOTICE_SERVICE',
    ]);
    expect(withdrawn.body.allowedEvents[0].label).toBe('登记不再处理告知书送达');

    const res = await letter(c.id);
    expect(res.status).toBe(200);
    const text = await documentText(res.body as Buffer);
    expect(text).toContain('政府信息公开申请不再处理告知书');
    expect(text).toContain('钱七');
    expect(text).toContain('2025年6月27日撤回该政府信息公开申请');

    const served = await send(c.id, withdrawn.body.case.version, 'RECORD_NOTICE_SERVICE', {
      method: 'post',
      servedOn: '2025-06-30',
    });
    expect(served.status).toBe(200);
    expect(served.body.allowedEvents).toEqual([]);
    expect(served.body.case).toMatchObject({ state: 'ended', outcome: 'other.other' });
    const [row] = await t.db.query(
      'SELECT served_on, decided_on::text AS d FROM cases WHERE id = $1',
      [c.id],
    );
    expect(row).toEqual({ served_on: null, d: '2025-06-27' });

    const timeline = await t
      .http()
      .get(`/api/cases/${c.id}/timeline`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(timeline.body.at(-1)).toMatchObject({
      type: 'RECORD_NOTICE_SERVICE',
      label: '登记不再处理告知书送达',
      payload: { method: 'post', servedOn: '2025-06-30' },
    });

    const again = await send(c.id, served.body.case.version, 'RECORD_NOTICE_SERVICE', {
      method: 'post',
      servedOn: '2025-06-30',
    });
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/已登记不再处理告知书的送达/);
  });

  it('refuses the notice service on an open case with a clear 422', async () => {
    const c = await register();
    const res = await send(c.id, c.version, 'RECORD_NOTICE_SERVICE', {
      method: 'post',
      servedOn: '2025-06-30',
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lets an administrator word the template like the other letters', async () => {
    const list = await t
      .http()
      .get('/api/letter-templates')
      .set('Cookie', desk.cookies.admin)
      .expect(200);
    expect(list.body.templates.map((x: { kind: string }) => x.kind)).toContain('termination');
    await t
      .http()
      .put('/api/letter-templates/termination')
      .set('Cookie', desk.cookies.admin)
      .send({
        title: '终止办理告知书',
        paragraphs: ['{{applicantName}}：', '{{terminationReason}}'],
      })
      .expect(200);
  });
});
