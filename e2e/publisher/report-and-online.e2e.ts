import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshot, urls } from '../support/browser';

const ROOT = path.join(__dirname, '..', '..');
// The demo's 交通与建设局: its demo cases lie in the last twelve months, so 2022 and 2023 are
// empty until this test registers cases there, and no other spec touches its reports.
const AGENCY = { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局' };
const PASSWORD = DEMO_PASSWORD;

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function api(method: string, url: string, cookie?: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${urls.api}/api${url}`, {
    method,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a file
  }
  return { status: res.status, body: parsed };
}

async function signInApi(username: string, password: string): Promise<string> {
  const res = await fetch(`${urls.api}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function expectOk(answer: Answer, status = 200): Answer {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/** `gongkai …` against the stack's database. */
function cli(args: string[]): string {
  return execFileSync('node', [path.join(ROOT, 'tools/bin/gongkai.cjs'), ...args], {
    cwd: ROOT,
    env: process.env,
    encoding: 'utf8',
  });
}

const SECTION2 = {
  rules: { issued: null, repealed: null, inForce: null },
  normativeDocuments: { issued: 1, repealed: 0, inForce: 6 },
  licensing: { decisions: 40 },
  penalties: { decisions: 3 },
  enforcement: { decisions: 0 },
  fees: { amountWan: 0 },
};

describe('the publisher: a report composed, approved, published and corrected; an online application', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cookies: { clerk: string; leader: string };
  let agencyId = '';
  let version1Sha = '';

  const users = { clerk: 'clerk-jiaotong', leader: 'leader-jiaotong' };

  /** Registers a case and walks it through the transition path with the given events. */
  async function caseWith(
    receivedOn: string,
    category: string,
    steps: [who: 'clerk' | 'leader', type: string, payload: Record<string, unknown>][],
  ): Promise<void> {
    const created = expectOk(
      await api('POST', '/cases', cookies.clerk, {
        receivedOn,
        channel: 'in_person',
        applicant: { category, name: category === 'natural_person' ? '王测试' : '某某有限公司' },
        request: '申请公开本机关年度工作计划',
      }),
      201,
    ).body;
    let version = created.case.version as number;
    for (const [who, type, payload] of steps) {
      const next = expectOk(
        await api('POST', `/cases/${created.case.id}/events`, cookies[who], {
          type,
          payload,
          expectedVersion: version,
        }),
      ).body;
      version = next.case.version;
    }
  }

  const decided = (
    on: string,
    outcome: string,
  ): ['clerk' | 'leader', string, Record<string, unknown>][] => [
    ['clerk', 'ACCEPT', { on }],
    // Arts 36–37: a partial disclosure states its reasons and basis.
    [
      'clerk',
      'DRAFT_DECISION',
      outcome === 'disclosed'
        ? { on, outcome }
        : {
            on,
            outcome,
            reasons: '部分内容涉及第三方商业秘密',
            basis: '《中华人民共和国政府信息公开条例》第三十七条',
          },
    ],
    ['leader', 'APPROVE_DECISION', { on }],
    ['clerk', 'RECORD_SERVICE', { on, method: 'post', servedOn: on }],
  ];

  async function studioSignIn(username: string): Promise<void> {
    await page.goto(`${urls.publisher}/studio?year=2023&agency=${AGENCY.code}`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { level: 1, name: '年度报告编制' }).waitFor();
    await page.getByTestId('report-status').waitFor();
  }

  async function studioSignOut(): Promise<void> {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();

    cookies = {
      clerk: await signInApi(users.clerk, PASSWORD),
      leader: await signInApi(users.leader, PASSWORD),
    };
    agencyId = expectOk(await api('GET', '/auth/me', cookies.clerk)).body.user.agencyId;

    // 2022 is published empty first; a case received on 2022-12-28 then makes 2023's 上年结转
    // differ from 2022's published 结转下年度 — the cross-year check (I5) the clerk must explain.
    const q = `?agency=${AGENCY.code}`;
    expectOk(
      await api('PUT', '/section2/2022', cookies.clerk, {
        format: '2021',
        figures: SECTION2,
        agencyId,
      }),
    );
    expectOk(await api('POST', `/reports/2022/submit${q}`, cookies.clerk, {}));
    expectOk(await api('POST', `/reports/2022/approve${q}`, cookies.leader, {}));
    expectOk(await api('POST', `/reports/2022/publish${q}`, cookies.leader, {}));

    await caseWith('2022-12-28', 'natural_person', decided('2023-01-10', 'disclosed'));
    await caseWith('2023-03-01', 'natural_person', decided('2023-03-20', 'partially_disclosed'));
    await caseWith('2023-05-04', 'commercial_enterprise', [
      ['clerk', 'ACCEPT', { on: '2023-05-05' }],
      ['clerk', 'WITHDRAW', { on: '2023-05-08', reason: '申请人撤回' }],
    ]);
    await caseWith('2023-12-20', 'natural_person', [['clerk', 'ACCEPT', { on: '2023-12-21' }]]);
  });
  afterAll(() => browser.close());

  it('blocks submission while a check fails, marking its cells, and refuses it on the API too', async () => {
    await studioSignIn(users.clerk);
    // I5 fails once per column that differs (here 自然人 and 总计).
    const i5 = page.getByTestId('check-I5').first();
    await i5.waitFor();
    expect(await i5.textContent()).toContain('提示');
    expect(await page.getByRole('button', { name: '提交审批' }).isDisabled()).toBe(true);
    await i5.getByRole('button', { name: '在报告中标出' }).click();
    await page.locator('td.report-cell-flagged').first().waitFor();
    await screenshot(page, 'publisher-studio-checks');

    const refused = await api(
      'POST',
      `/reports/2023/submit?agency=${AGENCY.code}`,
      cookies.clerk,
      {},
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('勾稽关系核对未通过');
  });

  it('a clerk composes the 2023 report from the generated paragraphs and submits it', async () => {
    await page.getByRole('tab', { name: '文字部分（一、五、六）' }).click();
    await page.getByRole('button', { name: '插入生成的段落' }).click();
    await page.getByLabel('（一）主动公开情况').fill('本年度通过门户网站主动公开政府信息。');
    await page.getByLabel('五、存在的主要问题及改进情况').fill('政务公开专栏更新不够及时。');
    await page.getByRole('button', { name: '保存文字' }).click();
    await page.getByText('已保存').first().waitFor();

    await page.getByRole('tab', { name: '第二部分数据' }).click();
    await page.getByLabel('行政许可 · 本年处理决定数量').fill('40');
    await page.getByLabel('行政处罚 · 本年处理决定数量').fill('3');
    await page.getByRole('button', { name: '保存第二部分' }).click();
    await page.getByText('已保存').first().waitFor();

    await page
      .getByLabel(/跨年度核对说明/)
      .fill('2022年12月28日收到的申请在2022年报告发布后补登记。');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByTestId('report-status').filter({ hasText: '已提交' }).waitFor();
    await page.getByRole('tab', { name: '报告预览' }).click();
    await screenshot(page, 'publisher-studio');
    await studioSignOut();
  });

  it('a leader approves and publishes it; the public page shows the numbers of `gongkai report --published`', async () => {
    await studioSignIn(users.leader);
    await page.getByRole('button', { name: '审批通过' }).click();
    await page.getByTestId('report-status').filter({ hasText: '已审批' }).waitFor();
    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByTestId('report-status').filter({ hasText: '已发布' }).waitFor();
    await page.getByTestId('studio-version-1').waitFor();
    await studioSignOut();

    const published = JSON.parse(
      cli(['report', '--agency', AGENCY.code, '--year', '2023', '--published', '--format', 'json']),
    );
    expect(published.section3.rows.received[6]).toBe(3);
    expect(published.section3.rows.carried_in[6]).toBe(1);
    expect(published.section3.rows.carried_forward[6]).toBe(1);

    await page.goto(`${urls.publisher}/reports/${AGENCY.code}/2023`);
    await page
      .getByRole('heading', { level: 1, name: `${AGENCY.name}2023年度政府信息公开工作年度报告` })
      .waitFor();
    const cells = await page
      .locator('td[data-cell]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-cell'), td.textContent ?? '']));
    const columns: string[] = published.section3.columns;
    let compared = 0;
    for (const [key, text] of cells as [string, string][]) {
      const [section, row, column] = key.split('/');
      if (section === '3') {
        const value = published.section3.rows[row as string][columns.indexOf(column as string)];
        expect(`${key}=${text}`).toBe(`${key}=${value === null ? '' : value}`);
        compared++;
      } else if (section === '4') {
        expect(`${key}=${text}`).toBe(
          `${key}=${published.section4[row as string][column as string]}`,
        );
        compared++;
      } else {
        const value = published.section2[row as string][column as string];
        expect(`${key}=${text}`).toBe(`${key}=${value === null ? '/' : value}`);
        compared++;
      }
    }
    expect(compared).toBe(25 * 7 + 15 + 10);
    await screenshot(page, 'publisher-report');

    // The DOCX download opens and carries the agency's name and the 一、本年新收 total.
    const href = await page.getByTestId('download-docx').getAttribute('href');
    const docx = await fetch(`${urls.publisher}${href}`);
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.join('')).toContain(AGENCY.name);
    const label = texts.findIndex((t) => t === '一、本年新收政府信息公开申请数量');
    expect(label).toBeGreaterThan(-1);
    expect(texts.slice(label + 1, label + 8)).toEqual(
      published.section3.rows.received.map((v: number) => String(v)),
    );
    version1Sha = (await api('GET', `/public/reports/${AGENCY.code}/2023`)).body.sha256;
  });

  it('a correction becomes version 2 and version 1 stays readable, unchanged', async () => {
    const q = `?agency=${AGENCY.code}`;
    const draft = expectOk(await api('GET', `/reports/2023${q}`, cookies.clerk)).body;
    expectOk(
      await api('PUT', `/reports/2023/texts${q}`, cookies.clerk, {
        texts: { ...draft.texts, problems: '政务公开专栏更新不够及时，已建立每周更新制度。' },
        expectedRevision: draft.revision,
      }),
    );
    expectOk(await api('POST', `/reports/2023/submit${q}`, cookies.clerk, {}));
    expectOk(await api('POST', `/reports/2023/approve${q}`, cookies.leader, {}));
    const noNote = await api('POST', `/reports/2023/publish${q}`, cookies.leader, {});
    expect(noNote.status).toBe(422);
    expectOk(
      await api('POST', `/reports/2023/publish${q}`, cookies.leader, {
        changeNote: '补充第五部分的改进措施',
      }),
    );

    const v1 = expectOk(await api('GET', `/public/reports/${AGENCY.code}/2023/versions/1`)).body;
    expect(v1.sha256).toBe(version1Sha);
    expect(v1.report.texts.problems).toBe('政务公开专栏更新不够及时。');

    await page.goto(`${urls.publisher}/reports/${AGENCY.code}/2023`);
    await page.getByTestId('version-2').filter({ hasText: '补充第五部分的改进措施' }).waitFor();
    await page.getByText('已建立每周更新制度').waitFor();
    await page.getByTestId('version-1').getByRole('link', { name: '第1版' }).click();
    await page.getByText('您正在查看第1版，不是最新版本。').waitFor();
    expect(await page.getByText('已建立每周更新制度').count()).toBe(0);
    await screenshot(page, 'publisher-report-version-1');

    await page.goto(`${urls.publisher}/reports`);
    await page.getByRole('link', { name: `${AGENCY.name} 2023年度` }).waitFor();
    await screenshot(page, 'publisher-reports');
    await page.goto(`${urls.publisher}/open-data`);
    await page.getByRole('link', { name: AGENCY.name }).first().waitFor();
    await screenshot(page, 'publisher-open-data');
  });

  it('writes the published versions as static pages with `gongkai site`', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-'));
    cli(['site', '--out', out, '--agency', AGENCY.code]);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8'));
    expect(
      index.reports.map((r: { year: number; version: number }) => [r.year, r.version]),
    ).toEqual([
      [2023, 2],
      [2022, 1],
    ]);
    const v1 = fs.readFileSync(path.join(out, AGENCY.code, '2023/versions/1/index.html'), 'utf8');
    expect(v1).toContain('政务公开专栏更新不够及时。');
    expect(fs.existsSync(path.join(out, AGENCY.code, '2023/report.docx'))).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('a citizen applies online, gets a 查询码 and follows the case; the clerk sees it in the case list', async () => {
    const phone = page.context();
    await phone.clearCookies();
    const mobile = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const citizen = await mobile.newPage();
    await citizen.goto(`${urls.publisher}/apply?agency=${AGENCY.code}`);
    await citizen.getByRole('heading', { level: 1, name: '网上申请政府信息公开' }).waitFor();
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByText('请填写申请人姓名或名称').waitFor();
    await citizen.getByLabel('姓名').fill('陈网申');
    await citizen.getByLabel('身份证号码').fill('11010519491231002X');
    await citizen.getByLabel('联系电话').fill('13912345678');
    await citizen.getByLabel('电子邮箱').fill('chen@example.com');
    await citizen.getByLabel('所需信息的特征描述').fill('2023年本局行政许可事项目录及办理结果');
    await citizen.getByRole('checkbox').check();
    await screenshot(citizen, 'publisher-apply');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { level: 1, name: '申请回执' }).waitFor();
    const code = ((await citizen.getByTestId('query-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    expect(await citizen.getByTestId('receipt-statement').textContent()).toContain('双方确认之日');
    await screenshot(citizen, 'publisher-receipt');

    await citizen.getByRole('link', { name: '查询办理进度' }).click();
    await citizen.getByLabel('电话号码后四位').fill('0000');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByRole('alert').filter({ hasText: '未找到对应的申请' }).waitFor();
    await citizen.getByLabel('电话号码后四位').fill('5678');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByTestId('application-stage').filter({ hasText: '已收到' }).waitFor();
    await screenshot(citizen, 'publisher-status');
    await mobile.close();

    const list = expectOk(
      await api('GET', `/cases?q=${encodeURIComponent('陈网申')}`, cookies.clerk),
    ).body;
    const found = list.items.find(
      (c: { applicantName: string; channel: string }) => c.applicantName === '陈网申',
    );
    expect(found).toMatchObject({ channel: 'online', state: 'intake' });
  });
});
