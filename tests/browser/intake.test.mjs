// Browser test of the intake page (issue 10): Debian's chromium driven by
// playwright-core, no browser download. Usage:
//   node intake.test.mjs BASE_URL ARTIFACT_DIR
// Pastes descriptions, checks the decision card, that the highlighted spans
// are the evidence texts (an emoji before them included), answers question
// buttons and sees the decision change, switches the language (kept in the
// URL), checks a phone-width layout and keyboard use, and keeps screenshots.
// Fails on any console error or page error (a CSP violation is one).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const [base, artifacts = 'browser-artifacts'] = process.argv.slice(2);
if (!base) { console.error('usage: node intake.test.mjs BASE_URL [ARTIFACT_DIR]'); process.exit(2); }
mkdirSync(artifacts, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
const problems = [];
let failed = false;

async function check(name, body) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${name}: console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  try {
    await body(page);
    console.log(`ok    ${name}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL  ${name}\n      ${e.stack || e}`);
    await page.screenshot({ path: `${artifacts}/failed-${name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}

async function api(text, lang = 'zh') {
  const r = await fetch(new URL('/v1/classify', base), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, lang }),
  });
  return r.json();
}

async function decide(page, text) {
  await page.fill('#text', text);
  await page.click('#classify');
  await page.waitForSelector('#result:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#status').textContent === '');
}

// Written for this test: an emoji first, so that code-point offsets matter.
const community = '😀我们的装修论坛App，用户发帖分享经验，平台靠建材品牌的广告赚钱。';
const forum = '一个摄影论坛网站，会员可以发帖讨论';

await check('a pasted description gets its decision card and highlighted evidence', async (page) => {
  await page.goto(base);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await decide(page, community);
  assert.equal(await page.textContent('#decision'), '需要ICP经营许可证');
  assert.match(await page.textContent('#card-details'), /信息社区平台服务/);
  const marks = await page.$$eval('#marked mark', (ms) => ms.map((m) => m.textContent));
  const expected = new Set((await api(community)).evidence.map((e) => e.text));
  assert.ok(marks.length > 0, 'no highlighted spans');
  for (const m of marks) assert.ok(expected.has(m), `"${m}" is not an evidence text`);
  assert.equal(await page.textContent('#marked'), community, 'the highlighted text must be the text as pasted');
  assert.match(await page.textContent('#summary'), /^结论：需要ICP经营许可证/);
  // A mark leads to its trace step.
  const step = await page.getAttribute('#marked mark[data-step]', 'data-step');
  await page.click('#marked mark[data-step]');
  assert.ok(await page.isVisible(`#step-${step}`));
  await page.screenshot({ path: `${artifacts}/intake-licence.png`, fullPage: true });
});

await check('answer buttons re-decide at once and say what changed', async (page) => {
  await page.goto(base);
  await decide(page, forum);
  assert.equal(await page.textContent('#decision'), '需要ICP经营许可证');
  // No charge to users: without ads seen, a filing.
  await page.click('button[data-fact="charges_users"]:text-is("否")');
  await page.waitForFunction(() => document.querySelector('#decision').textContent === '仅需ICP备案');
  assert.match(await page.textContent('#changes'), /需要ICP经营许可证 → 仅需ICP备案/);
  // Advertising after all: back to a licence.
  await page.click('button[data-fact="ad_income"]:text-is("是")');
  await page.waitForFunction(() => document.querySelector('#decision').textContent === '需要ICP经营许可证');
  assert.match(await page.textContent('#changes'), /仅需ICP备案 → 需要ICP经营许可证/);
  await page.screenshot({ path: `${artifacts}/intake-answered.png`, fullPage: true });
});

await check('the facts form feeds the readiness checklist', async (page) => {
  await page.goto(base);
  await decide(page, community);
  await page.fill('input[name="registered_capital"]', '50万');
  await page.press('input[name="registered_capital"]', 'Tab');
  await page.waitForFunction(() => /注册资本50万元/.test(document.querySelector('#conditions').textContent));
  assert.match(await page.textContent('#ready'), /还不能申请/);
});

await check('the language switch is kept in the URL and re-decides in English', async (page) => {
  await page.goto(base);
  await decide(page, community);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.querySelector('#decision').textContent === 'Needs an ICP operating licence');
  assert.match(page.url(), /[?&]lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(new URL('/?lang=en', base).href);
  assert.equal(await page.textContent('#classify'), 'Check');
});

await check('phone width, keyboard only', async (page) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base);
  await page.focus('#text');
  await page.keyboard.type(forum);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#result:not([hidden])');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px at phone width`);
  // Every button and field has a name for screen readers.
  const unnamed = await page.$$eval('button, textarea, input, select', (els) =>
    els.filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.labels?.length)).length);
  assert.equal(unnamed, 0);
  await page.screenshot({ path: `${artifacts}/intake-phone.png`, fullPage: true });
});

await check('the print view carries the version, lexicon hash and date', async (page) => {
  await page.goto(base);
  await decide(page, community);
  await page.emulateMedia({ media: 'print' });
  const meta = await page.textContent('#print-meta');
  const version = await (await fetch(new URL('/v1/version', base))).json();
  assert.ok(meta.includes(version.version) && meta.includes(version.lexicon_hash), meta);
  assert.match(meta, /\d{4}-\d{2}-\d{2}/);
  assert.equal(await page.isVisible('#text'), false, 'the text box is not printed');
  await page.pdf({ path: `${artifacts}/intake-print.pdf` });
});

await check('a CSV uploaded from the page comes back with every row answered', async (page) => {
  await page.goto(base);
  const csv = '编号,简介\n1,论坛靠广告盈利\n2,"本公司官网只展示产品，不卖东西"\n3,我们只在淘宝开店，没有自己的网站\n';
  await page.setInputFiles('#batch-file', { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('#batch-upload');
  await page.waitForSelector('#batch-download:not([hidden])');
  assert.match(await page.textContent('#batch-status'), /3 行，需要许可证 1，仅需备案 1，均不需要 1/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download')]);
  assert.equal(download.suggestedFilename(), 'clients-icp.csv');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const result = readFileSync(path, 'utf8').split('\n');
  assert.match(result[0], /^编号,简介,icp_decision,/);
  assert.match(result[1], /^1,论坛靠广告盈利,需要许可证,/);
  await page.screenshot({ path: `${artifacts}/intake-batch.png`, fullPage: false });
  // The same rows as an Excel workbook (format=xlsx), on request.
  const [book] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download-xlsx')]);
  assert.equal(book.suggestedFilename(), 'clients-icp.xlsx');
  const bytes = readFileSync(await book.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
});

await browser.close();
for (const p of problems) console.log(`FAIL  ${p}`);
process.exit(failed || problems.length ? 1 : 0);
