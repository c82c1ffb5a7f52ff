import { createTestApp, login, seedAgency, seedUser, type TestApp } from '../testing/test-app';

describe('the agency tree over HTTP', () => {
  let t: TestApp;
  let cookie: string;
  let rootId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const root = await seedAgency(t.db, { name: '平潭区人民政府办公室' });
    rootId = root.id;
    const admin = await seedUser(t.db, { agency: root, roles: ['admin'], subtreeScope: true });
    cookie = await login(t, admin.username);
  });
  afterAll(() => t.close());

  const create = async (code: string, name: string, parentId: string) => {
    const res = await t
      .http()
      .post('/api/agencies')
      .set('Cookie', cookie)
      .send({ code: `${code}-${Date.now().toString(36)}`, name, parentId });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const patch = (id: string, body: object) =>
    t.http().patch(`/api/agencies/${id}`).set('Cookie', cookie).send(body);

  it('creates, renames and moves agencies with their subtree, and refuses a cycle', async () => {
    const bureau = await create('jy', '区教育局', rootId);
    const street = await create('jd', '城关街道办事处', rootId);
    const community = await create('sq', '人民社区居委会', street);

    expect((await patch(street, { name: '城关街道' })).body.name).toBe('城关街道');
    const moved = await patch(street, { parentId: bureau });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(bureau);
    const paths = (await t.db.query(`SELECT id, path FROM agencies WHERE id = ANY($1::uuid[])`, [
      [bureau, street, community],
    ])) as { id: string; path: string }[];
    const pathOf = (id: string) => paths.find((p) => p.id === id)?.path ?? '';
    expect(pathOf(community).startsWith(pathOf(street))).toBe(true);
    expect(pathOf(street).startsWith(pathOf(bureau))).toBe(true);

    const cycle = await patch(bureau, { parentId: community });
    expect(cycle.status).toBe(422);
    expect(cycle.body.message).toContain('下级机关');
    const root = await patch(rootId, { parentId: bureau });
    expect(root.status).toBe(422);
  });
});
