import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  ensureAgency,
  migrate,
  SYSTEM_ACTOR,
  type AgencyEntity,
} from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';
import { ComputeFeeUseCase, FeeCaseNotFound } from './compute-fee.use-case';

describe('ComputeFeeUseCase on PostgreSQL (国办函〔2020〕109号)', () => {
  let ds: DataSource;
  let agency: AgencyEntity;
  let other: AgencyEntity;
  let transitions: CaseTransitionService;
  let useCase: ComputeFeeUseCase;

  beforeAll(async () => {
    const url =
      process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_dev_cases';
    await migrate(url);
    ds = await createDataSource(url).initialize();
    const code = () => `fees-${randomUUID().slice(0, 8)}`;
    agency = (await ensureAgency(ds.manager, { code: code(), name: '收费测试机关' })).agency;
    other = (await ensureAgency(ds.manager, { code: code(), name: '另一机关' })).agency;
    transitions = new CaseTransitionService(ds, { today: () => '2025-03-31' });
    useCase = new ComputeFeeUseCase(ds);
  });
  afterAll(() => ds.destroy());

  const register = async (
    agencyId: string,
    receivedOn: string,
    applicant: { category: string; name: string; creditCode?: string },
  ) =>
    (
      await transitions.register(
        { agencyId, receivedOn, channel: 'online', applicant } as never,
        SYSTEM_ACTOR,
      )
    ).case;

  it("counts the applicant's applications to the agency in the month from the database", async () => {
    const company = {
      category: 'commercial_enterprise',
      name: '福州某某科技有限公司',
      creditCode: '91350100M000100Y43',
    };
    const march: string[] = [];
    for (let i = 0; i < 11; i++) {
      march.push(
        (await register(agency.id, `2025-03-${String(3 + i).padStart(2, '0')}`, company)).id,
      );
    }
    // Not counted: another month, another agency, another applicant.
    await register(agency.id, '2025-02-28', company);
    await register(other.id, '2025-03-04', company);
    await register(agency.id, '2025-03-04', {
      category: 'natural_person',
      name: '福州某某科技有限公司',
    });

    const eleventh = await useCase.execute(
      { caseId: march[10] as string, standard: 'per_application' },
      [agency.id],
    );
    expect(eleventh).toMatchObject({
      month: '2025-03',
      ordinalInMonth: 11,
      monthCount: 11,
      amountYuan: 100,
    });
    expect(eleventh.monthCases).toHaveLength(11);
    expect(eleventh.lines.join('')).toContain('当月第11件');

    const third = await useCase.execute(
      { caseId: march[2] as string, standard: 'per_application' },
      [agency.id],
    );
    expect(third).toMatchObject({ ordinalInMonth: 3, monthCount: 11, amountYuan: 0 });
  });

  it('computes 按量 from the pages, and hides cases outside the scope', async () => {
    const c = await register(agency.id, '2025-03-20', { category: 'natural_person', name: '钱七' });
    const fee = await useCase.execute({ caseId: c.id, standard: 'per_page', pages: 120 }, [
      agency.id,
    ]);
    expect(fee).toMatchObject({ amountYuan: 1100, pages: 120, ordinalInMonth: null });
    await expect(
      useCase.execute({ caseId: c.id, standard: 'per_application' }, [other.id]),
    ).rejects.toBeInstanceOf(FeeCaseNotFound);
  });
});
