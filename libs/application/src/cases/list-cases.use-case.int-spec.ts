import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { caseListQuerySchema } from '@gongkai/contracts';
import { CaseError, IdentityCipher, type AgencyEntity } from '@gongkai/persistence';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { CaseTransitionService } from './case-transition.service';
import { ListCases } from './list-cases.use-case';
import type { CaseReader } from './case-reader';

describe('ListCases and the agency filter', () => {
  let ds: DataSource;
  let office: AgencyEntity;
  let bureau: AgencyEntity;
  let stranger: AgencyEntity;
  let transitions: CaseTransitionService;
  let list: ListCases;

  const register = (agency: AgencyEntity, request: string) =>
    transitions.register(
      {
        agencyId: agency.id,
        receivedOn: '2025-03-03',
        channel: 'online',
        applicant: { category: 'natural_person', name: '张三', phone: '13800138000' },
        request,
      },
      { id: 'clerk-1', role: 'clerk' },
    );

  const reader = (scope: AgencyEntity[]): CaseReader => ({
    id: 'reader-1',
    roles: ['auditor'],
    scopeAgencyIds: scope.map((a) => a.id),
    writeAgencyIds: [],
  });

  const refs = async (who: CaseReader, query: Record<string, string> = {}) =>
    (await list.execute(who, caseListQuerySchema.parse({ pageSize: '200', ...query }))).rows
      .map((r) => r.agencyId)
      .sort();

  beforeAll(async () => {
    ds = await openTestDatabase();
    [office, bureau, stranger] = await Promise.all([
      seedAgency(ds, 'office'),
      seedAgency(ds, 'bureau'),
      seedAgency(ds, 'stranger'),
    ]);
    transitions = new CaseTransitionService(ds, {
      cipher: new IdentityCipher(randomBytes(32)),
      today: () => '2025-06-30',
    });
    list = new ListCases(ds, transitions);
    await register(office, '申请公开办公室的某份文件');
    await register(bureau, '申请公开交通局的某份文件');
    await register(bureau, '申请公开交通局的另一份文件');
    await register(stranger, '申请公开别的机关的文件');
  });
  afterAll(() => ds.destroy());

  it('lists every agency of a supervisor’s scope, and one agency when it names it', async () => {
    const supervisor = reader([office, bureau]);
    expect(await refs(supervisor)).toEqual([office.id, bureau.id, bureau.id].sort());
    expect(await refs(supervisor, { agencyId: bureau.id })).toEqual([bureau.id, bureau.id]);
    expect(await refs(supervisor, { agencyId: office.id })).toEqual([office.id]);
  });

  it('refuses an agency outside the reader’s scope instead of answering an empty page', async () => {
    const supervisor = reader([office, bureau]);
    const refused = await list
      .execute(supervisor, caseListQuerySchema.parse({ agencyId: stranger.id }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CaseError);
    expect(refused).toMatchObject({
      kind: 'forbidden',
      code: 'agency_out_of_scope',
      message: '所选机关不在您可查看的范围内',
    });
    await expect(
      list.execute(reader([bureau]), caseListQuerySchema.parse({ agencyId: office.id })),
    ).rejects.toMatchObject({ code: 'agency_out_of_scope' });
  });

  it('has the contracts schema refuse an agency id that is not one', () => {
    const parsed = caseListQuerySchema.safeParse({ agencyId: 'pingtan' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['agencyId']);
  });
});
