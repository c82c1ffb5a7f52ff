import { type OpenApiDoc } from './openapi-examples.testing';
import { registerCase, seedAgency, seedDesk, type TestApp } from '../testing/test-app';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

/** An application with an identity number, received on `receivedOn`. */
export const applicationOn = (receivedOn: string) => ({
  receivedOn,
  channel: 'post',
  applicant: { category: 'natural_person', name: '张三', identityNumber: '11010519491231002X' },
  request: '申请公开某道路改造工程的立项批复',
});

/**
 * Two subordinate agencies (so neither may change the national calendar), each with a user of
 * every role signed in, a case of the target agency, and the API's OpenAPI routes: the ground of
 * the write matrix and the fuzzer.
 */
export async function seedTwoAgencies(t: TestApp, on = '2025-06-30') {
  const target = await seedDesk(t, await seedAgency(t.db, { name: '甲区政府' }));
  const foreign = await seedDesk(t, await seedAgency(t.db, { name: '乙区政府' }));
  const caseId = (await registerCase(t, target.cookies.clerk, applicationOn(on))).id;
  const doc = (await t.http().get('/api/docs/json').expect(200)).body as OpenApiDoc;
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => m in ops).map((method) => ({ method, path })),
  );
  return { target, foreign, caseId, doc, routes };
}
