import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

describe('proceedings and section 二 over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
    desk = await seedDesk(t);
    other = await seedDesk(t);
  });
  afterAll(() => t.close());

  it('creates, concludes, lists and deletes a proceeding, scoped to the agency', async () => {
    const created = await t
      .http()
      .post('/api/proceedings')
      .set('Cookie', desk.cookies.clerk)
      .send({ kind: 'reconsideration', filedOn: '2025-05-10' })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ result: null, concludedOn: null });
    await t
      .http()
      .patch(`/api/proceedings/${id}`)
      .set('Cookie', desk.cookies.clerk)
      .send({ result: 'maintained' })
      .expect(400);
    const concluded = await t
      .http()
      .patch(`/api/proceedings/${id}`)
      .set('Cookie', desk.cookies.clerk)
      .send({ result: 'maintained', concludedOn: '2025-06-20' })
      .expect(200);
    expect(concluded.body).toMatchObject({ result: 'maintained', concludedOn: '2025-06-20' });
    const list = await t
      .http()
      .get('/api/proceedings?year=2025')
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(id);
    await t.http().get(`/api/proceedings/${id}`).set('Cookie', other.cookies.clerk).expect(404);
    await t
      .http()
      .patch(`/api/proceedings/${id}`)
      .set('Cookie', other.cookies.clerk)
      .send({ note: 'x' })
      .expect(404);
    await t
      .http()
      .post('/api/proceedings')
      .set('Cookie', desk.cookies.leader)
      .send({ kind: 'reconsideration', filedOn: '2025-05-10' })
      .expect(403);
    await t
      .http()
      .post('/api/proceedings')
      .set('Cookie', desk.cookies.clerk)
      .send({ kind: 'appeal', filedOn: '2025-05-10' })
      .expect(400);
    await t.http().delete(`/api/proceedings/${id}`).set('Cookie', desk.cookies.clerk).expect(204);
    await t.http().get(`/api/proceedings/${id}`).set('Cookie', desk.cookies.clerk).expect(404);
  });

  it('stores section 二 figures per agency and year, "/" as null', async () => {
    const empty = await t
      .http()
      .get('/api/section2/2024')
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(empty.body).toMatchObject({ format: '2021', figures: null });
    const figures = {
      rules: { issued: null, repealed: null, inForce: null },
      normativeDocuments: { issued: 3, repealed: 1, inForce: 12 },
      licensing: { decisions: 120 },
      penalties: { decisions: 4 },
      enforcement: { decisions: 0 },
      fees: { amountWan: 1.25 },
    };
    await t
      .http()
      .put('/api/section2/2024')
      .set('Cookie', desk.cookies.clerk)
      .send({ format: '2021', figures })
      .expect(200);
    const stored = await t
      .http()
      .get('/api/section2/2024')
      .set('Cookie', desk.cookies.leader)
      .expect(200);
    expect(stored.body.figures).toEqual(figures);
    await t
      .http()
      .put('/api/section2/2020')
      .set('Cookie', desk.cookies.clerk)
      .send({ format: '2021', figures })
      .expect(400);
    await t
      .http()
      .put('/api/section2/2024')
      .set('Cookie', desk.cookies.clerk)
      .send({ format: '2021', figures: { ...figures, fees: { amountWan: -1 } } })
      .expect(400);
    const foreign = await t
      .http()
      .get('/api/section2/2024')
      .set('Cookie', other.cookies.clerk)
      .expect(200);
    expect(foreign.body.figures).toBeNull();
  });
});
