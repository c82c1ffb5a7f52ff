import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { binary, documentText } from './letters.testing';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

describe('letters over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let caseId: string;
  let version: number;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send({
        receivedOn: '2025-06-23',
        channel: 'in_person',
        applicant: { category: 'natural_person', name: '赵六' },
        request: '申请公开2024年度部门决算',
      });
    expect(res.status).toBe(201);
    caseId = res.body.case.id;
    version = res.body.case.version;
  });
  afterAll(() => t.close());

  const letter = (kind: string, cookie = desk.cookies.clerk) =>
    t
      .http()
      .get(`/api/cases/${caseId}/letters/${kind}`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse(binary as never);

  const send = async (
    type: string,
    payload: Record<string, unknown>,
    cookie = desk.cookies.clerk,
  ) => {
    const res = await t
      .http()
      .post(`/api/cases/${caseId}/events`)
      .set('Cookie', cookie)
      .send({ type, payload: { on: '2025-06-30', ...payload }, expectedVersion: version });
    expect(res.status).toBe(200);
    version = res.body.case.version;
  };

  it('generates the 受理回执 as a DOCX with the case facts', async () => {
    const res = await letter('receipt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const text = await documentText(res.body as Buffer);
    expect(text).toContain('政府信息公开申请受理回执');
    expect(text).toContain('赵六');
    expect(text).toContain('2025年6月23日');
    expect(text).toContain(desk.agency.name);
  });

  it('refuses a letter the case has no facts for, and an unknown kind', async () => {
    const res = await t
      .http()
      .get(`/api/cases/${caseId}/letters/supplement`)
      .set('Cookie', desk.cookies.clerk);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('未告知补正');
    const unknown = await t
      .http()
      .get(`/api/cases/${caseId}/letters/poem`)
      .set('Cookie', desk.cookies.clerk);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('没有这种文书');
  });

  it('offers only the letters the case history supports', async () => {
    const res = await t
      .http()
      .get(`/api/cases/${caseId}/letters`)
      .set('Cookie', desk.cookies.clerk);
    expect(res.status).toBe(200);
    expect(res.body.kinds).toEqual(['receipt']);
  });

  it('refuses a refusing decision without reasons, previews the draft with them, prints them', async () => {
    await send('REQUEST_SUPPLEMENT', { dueOn: '2025-07-15', items: ['请说明所需决算的单位范围'] });
    const notice = await documentText((await letter('supplement')).body as Buffer);
    expect(notice).toContain('1. 请说明所需决算的单位范围');
    await send('SUPPLEMENT_RECEIVED', {});
    const bare = await t
      .http()
      .post(`/api/cases/${caseId}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({
        type: 'DRAFT_DECISION',
        payload: { on: '2025-06-30', outcome: 'partially_disclosed' },
        expectedVersion: version,
      });
    expect(bare.status).toBe(422);
    expect(bare.body.message).toContain('理由');
    await send('DRAFT_DECISION', {
      outcome: 'partially_disclosed',
      reasons: '第三部分载有供应商报价，属于商业秘密。',
      basis: '《中华人民共和国政府信息公开条例》第十五条、第三十七条',
    });
    const preview = await t
      .http()
      .get(`/api/cases/${caseId}/letters/decision/preview`)
      .set('Cookie', desk.cookies.leader);
    expect(preview.status).toBe(200);
    expect(preview.body.draft).toBe(true);
    const draftText = preview.body.paragraphs.join('\n');
    expect(draftText).toContain('第三部分载有供应商报价，属于商业秘密。');
    expect(draftText).toContain('《中华人民共和国政府信息公开条例》第十五条、第三十七条');
    expect(draftText).not.toContain('＿＿＿＿＿＿。');
    expect(draftText).toContain('文号待审批后生成');
    await send('APPROVE_DECISION', {}, desk.cookies.leader);
    const res = await letter('decision', desk.cookies.auditor);
    expect(res.status).toBe(200);
    const text = await documentText(res.body as Buffer);
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('赵六');
    expect(text).toContain('第三部分载有供应商报价');
    expect(text).toContain('60日内依法向行政复议机关申请行政复议');
    expect(text).toContain('6个月内依法向人民法院提起行政诉讼');
    const kinds = await t
      .http()
      .get(`/api/cases/${caseId}/letters`)
      .set('Cookie', desk.cookies.clerk);
    expect(kinds.body.kinds).toEqual(['receipt', 'supplement', 'decision', 'service']);
  });

  it("numbers the approved 答复书 once by the agency's pattern, with the agency's contact", async () => {
    const patch = await t
      .http()
      .patch(`/api/agencies/${desk.agency.id}`)
      .set('Cookie', desk.cookies.admin)
      .send({
        contact: '王主任',
        phone: '0591-12345678',
        letterRefPattern: '平政公开〔{year}〕第{n}号',
      });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      contact: '王主任',
      letterRefPattern: '平政公开〔{year}〕第{n}号',
    });
    const bad = await t
      .http()
      .patch(`/api/agencies/${desk.agency.id}`)
      .set('Cookie', desk.cookies.admin)
      .send({ letterRefPattern: '〔{year}〕号' });
    expect(bad.status).toBe(400);
    const text = await documentText((await letter('decision')).body as Buffer);
    expect(text).toContain('平政公开〔2025〕第1号');
    expect(text).toContain('联系人：王主任');
    expect(text).toContain('0591-12345678');
    const again = await documentText((await letter('decision')).body as Buffer);
    expect(again).toContain('平政公开〔2025〕第1号');
    const service = await documentText((await letter('service')).body as Buffer);
    expect(service).toContain('平政公开〔2025〕第1号');
  });

  it('prints the remedies notice on a decision letter whose template leaves it out', async () => {
    const saved = await t
      .http()
      .put('/api/letter-templates/decision')
      .set('Cookie', desk.cookies.admin)
      .send({
        title: '答复书',
        paragraphs: ['{{applicantName}}：{{outcomeAnswer}}', '{{agencyName}}', '{{today}}'],
      });
    expect(saved.status).toBe(200);
    const preview = await t
      .http()
      .get(`/api/cases/${caseId}/letters/decision/preview`)
      .set('Cookie', desk.cookies.clerk);
    expect(preview.body.draft).toBe(false);
    expect(preview.body.paragraphs.at(-3)).toContain('申请行政复议');
    await t.http().delete('/api/letter-templates/decision').set('Cookie', desk.cookies.admin);
  });

  it("lets an admin edit the agency's template, used by the next letter, and restore it", async () => {
    const list = await t.http().get('/api/letter-templates').set('Cookie', desk.cookies.admin);
    expect(list.status).toBe(200);
    expect(list.body.templates).toHaveLength(8);
    expect(list.body.placeholders.applicantName).toBe('申请人姓名或名称');

    const byClerk = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.clerk)
      .send({ title: 'x', paragraphs: ['y'] });
    expect(byClerk.status).toBe(403);
    const empty = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin)
      .send({ title: '', paragraphs: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['title', 'paragraphs']),
    );

    const saved = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin)
      .send({
        title: '收件回执',
        paragraphs: ['{{applicantName}}：您的申请{{ref}}已收到。', '{{agencyName}}', '{{today}}'],
      });
    expect(saved.status).toBe(200);
    expect(saved.body.customised).toBe(true);
    const text = await documentText((await letter('receipt')).body as Buffer);
    expect(text).toContain('收件回执');
    expect(text).toContain('赵六：您的申请');
    expect(text).toContain('2025年6月30日');

    const reset = await t
      .http()
      .delete('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin);
    expect(reset.body).toMatchObject({ customised: false, title: '政府信息公开申请受理回执' });
  });
});
