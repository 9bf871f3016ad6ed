// The intake page: one description in, the decision card, the evidence
// highlighted in the client's own text, the questions as answer buttons that
// re-decide at once, the facts form, readiness and materials. Talks only to
// this server's /v1/ API; no external scripts, fonts or styles.
'use strict';

const WORDS = {
  zh: {
    title: 'ICP 许可判断', intakeHeading: '客户的描述', classify: '判断', clear: '清空', copy: '复制摘要', print: '打印',
    textLabel: '粘贴客户的微信消息、经营范围、官网“关于我们”或 App 简介：',
    placeholder: '例如：我们做一个装修交流社区App，用户发帖分享经验，平台靠建材品牌的广告盈利。',
    summaryHeading: '可转发给客户的摘要', questionsHeading: '待确认的问题', questionsHint: '按客户的回答点按钮，结论会立即更新。',
    evidenceHeading: '原文与证据', evidenceHint: '标亮的词句是判断依据，点击可跳到对应的判断步骤。', traceHeading: '判断过程',
    notesHeading: '备注', readinessHeading: '申请条件', materialsHeading: '申请材料', factsHeading: '公司情况',
    factsHint: '填入已知的情况，留空表示不知道。',
    license: '需要ICP经营许可证', filing: '仅需ICP备案', neither: '无需ICP许可或备案',
    confidence: '置信度', categories: '业务类别', newsPermit: '新闻信息服务许可证', preapprovals: '前置审批',
    foreign: '外资', held: '文本显示已持有', none: '无', needed: '需要', notNeeded: '不需要', yes: '是', no: '否', unsure: '不确定',
    unknownForeign: '未知（请确认是否有外资或港澳台股东）', hasForeign: '有（不能走内资申请途径）',
    newsCaveat: '另须先取得《互联网新闻信息服务许可证》', stillRequired: '仍需前置审批', cancelled: '全国性审批已取消，请核实本省要求',
    ready: { yes: '现在可以申请', no: '还不能申请（见标 ✗ 的条件）', unknown: '尚不确定（标 ? 的条件缺少信息）', 'n/a': '无需申请' },
    basis: { measures: '行政法规', catalogue: '业务分类目录', notice: '官方通知', brief: '代办实务（非法规）', beyond_brief: '相关法规与一般认识' },
    changed: '这个回答改变了：', unchanged: '这个回答没有改变结论。', working: '正在判断…', empty: '请先粘贴一段描述。',
    copied: '已复制', step: '步骤', basisLabel: '依据', negated: '（否定）', catNames: ['信息发布平台和递送服务', '信息搜索查询服务', '信息社区平台服务', '信息即时交互服务', '信息保护和处理服务'],
    sectors: { news: '新闻', publishing: '出版', education: '教育', medical: '医疗保健', drugs: '药品', medical_devices: '医疗器械' },
    facts: { registered_capital: '注册资本（如 500万）', insured_staff: '缴纳社保人数', insured_months: '社保连续月数', operator: '经营主体',
      scope_has_telecom: '经营范围含增值电信业务', domain_filed: '域名已备案', domain_valid_months: '域名剩余有效期（月）', province: '注册地（省份）',
      server_province: '服务器所在省份', server_in_mainland: '服务器在境内', foreign_shareholding: '有外资（含港澳台）股东',
      news_permit_obtained: '已取得新闻许可证', preapprovals_obtained: '已取得前置审批' },
    company: '公司', individual: '个人', unknown: '不知道', printed: '打印于', version: '版本', lexicon: '词库',
    decisionLabel: '结论', readyLabel: '能否申请',
    batchHeading: '批量判断', batchHint: '选择客户名单（Excel .xlsx、CSV 或 TSV，含“简介”“描述”“经营范围”等列），每一行都会给出结论：',
    batchUpload: '上传并判断', batchDownload: '下载结果', batchDownloadXlsx: '下载 Excel 表格（.xlsx）', noFile: '请先选择一个文件。', uploading: '正在上传…', working2: '正在判断每一行…',
    batchDone: (rows, license, filing, neither) => `完成：${rows} 行，需要许可证 ${license}，仅需备案 ${filing}，均不需要 ${neither}`,
  },
  en: {
    title: 'ICP licence check', intakeHeading: "The client's description", classify: 'Check', clear: 'Clear', copy: 'Copy summary', print: 'Print',
    textLabel: "Paste the client's message, business scope, about-us page or app description:",
    placeholder: 'e.g. 我们做一个装修交流社区App，用户发帖分享经验，平台靠建材品牌的广告盈利。',
    summaryHeading: 'Summary to forward', questionsHeading: 'Questions to settle', questionsHint: "Click the client's answer: the decision updates at once.",
    evidenceHeading: 'The text and its evidence', evidenceHint: 'Highlighted words decided the answer; click one to see its step.', traceHeading: 'How the decision was reached',
    notesHeading: 'Notes', readinessHeading: 'Conditions for applying', materialsHeading: 'Materials to hand in', factsHeading: 'Company facts',
    factsHint: 'Fill in what is known; leave the rest empty.',
    license: 'Needs an ICP operating licence', filing: 'Needs an ICP filing only', neither: 'Needs neither a licence nor a filing',
    confidence: 'Confidence', categories: 'Categories', newsPermit: 'News information permit', preapprovals: 'Sector pre-approvals',
    foreign: 'Foreign investment', held: 'Held, as the text shows', none: 'none', needed: 'needed', notNeeded: 'not needed', yes: 'Yes', no: 'No', unsure: 'Not sure',
    unknownForeign: 'unknown (check for foreign, HK, Macau or Taiwan shareholders)', hasForeign: 'yes (the domestic route is closed)',
    newsCaveat: 'The news permit (互联网新闻信息服务许可证) must be obtained first', stillRequired: 'approval still required', cancelled: 'national approval cancelled, check the province',
    ready: { yes: 'ready to apply', no: 'not ready (see the conditions marked ✗)', unknown: 'not yet known (facts missing where marked ?)', 'n/a': 'nothing to apply for' },
    basis: { measures: 'regulation', catalogue: 'telecom catalogue', notice: 'official notice', brief: 'agency practice, not a regulation', beyond_brief: 'related regulations' },
    changed: 'This answer changed:', unchanged: 'This answer did not change the decision.', working: 'Checking…', empty: 'Paste a description first.',
    copied: 'Copied', step: 'Step', basisLabel: 'basis', negated: ' (negated)', catNames: ['information publishing and delivery', 'information search and query', 'information community platforms', 'instant information interaction', 'information protection and processing'],
    sectors: { news: 'news', publishing: 'publishing', education: 'education', medical: 'medical care', drugs: 'drugs', medical_devices: 'medical devices' },
    facts: { registered_capital: 'Registered capital (e.g. 500万)', insured_staff: 'Staff with social insurance', insured_months: 'Months of social insurance', operator: 'Operator',
      scope_has_telecom: 'Scope includes value-added telecom', domain_filed: 'Domain filed', domain_valid_months: 'Domain months left', province: 'Province of registration',
      server_province: 'Server province', server_in_mainland: 'Servers in mainland China', foreign_shareholding: 'Foreign (incl. HK, Macau, Taiwan) shareholders',
      news_permit_obtained: 'News permit obtained', preapprovals_obtained: 'Pre-approvals obtained' },
    company: 'a company', individual: 'an individual', unknown: 'unknown', printed: 'Printed', version: 'version', lexicon: 'lexicon',
    decisionLabel: 'Decision', readyLabel: 'Ready',
    batchHeading: 'Batch', batchHint: 'Choose a client list (Excel .xlsx, CSV or TSV with a description, 简介 or 经营范围 column): every row gets its answer.',
    batchUpload: 'Upload and check', batchDownload: 'Download the result', batchDownloadXlsx: 'Download as Excel (.xlsx)', noFile: 'Choose a file first.', uploading: 'Uploading…', working2: 'Checking every row…',
    batchDone: (rows, license, filing, neither) => `Done: ${rows} rows — licence ${license}, filing ${filing}, neither ${neither}`,
  },
};

const BOOLEAN_FACTS = ['scope_has_telecom', 'domain_filed', 'server_in_mainland', 'foreign_shareholding', 'news_permit_obtained', 'preapprovals_obtained'];
const TEXT_FACTS = ['registered_capital', 'insured_staff', 'insured_months', 'domain_valid_months', 'province', 'server_province'];

const state = { lang: 'zh', facts: {}, decision: null, version: null, busy: false };
const $ = (id) => document.getElementById(id);
const w = () => WORDS[state.lang];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function langFromUrl() {
  const l = new URLSearchParams(location.search).get('lang');
  return l && l.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = w().title;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = w()[node.dataset.i18n];
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = w()[node.dataset.i18nPlaceholder];
  const toggle = $('lang-toggle');
  toggle.textContent = state.lang === 'zh' ? 'English' : '中文';
  toggle.setAttribute('aria-label', state.lang === 'zh' ? 'Switch to English' : '切换到中文');
  buildFactsForm();
  footer();
}

function footer() {
  const v = state.version;
  const text = v ? `icp-classify ${v.version} · ${w().lexicon} ${v.lexicon_hash}` : 'icp-classify';
  $('footer').textContent = text;
  $('print-meta').textContent = `${text} · ${w().printed} ${new Date().toISOString().slice(0, 10)}`;
}

function setStatus(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

async function classify(previous = null) {
  const text = $('text').value;
  if (!text.trim()) { setStatus(w().empty, true); return; }
  state.busy = true;
  setStatus(w().working);
  $('classify').disabled = true;
  try {
    const response = await fetch('/v1/classify', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, facts: state.facts, lang: state.lang, summary: true }),
    });
    const body = await response.json();
    if (!response.ok) { setStatus(body.error ? body.error.message : response.statusText, true); return; }
    state.decision = body;
    setStatus('');
    render(body, text, previous);
  } catch (e) {
    setStatus(String(e), true);
  } finally {
    state.busy = false;
    $('classify').disabled = false;
  }
}

function render(d, text, previous) {
  $('result').hidden = false;
  const card = $('card');
  card.className = `card ${d.decision}`;
  $('decision').textContent = w()[d.decision];
  $('caveat').textContent = d.decision === 'license' && d.news_permit ? w().newsCaveat : '';
  $('confidence').textContent = `${w().confidence} ${Math.round(d.confidence * 100)}%`;
  renderDetails(d);
  renderChanges(previous, d);
  $('summary').textContent = d.summary || '';
  renderQuestions(d);
  renderEvidence(d, text);
  renderTrace(d);
  const notes = $('notes');
  notes.replaceChildren(...d.notes.map((n) => el('li', { text: n.text })));
  $('notes-section').hidden = d.notes.length === 0;
  renderReadiness(d);
}

function renderDetails(d) {
  const dl = $('card-details');
  dl.replaceChildren();
  const row = (term, value) => dl.append(el('dt', { text: term }), el('dd', { text: value }));
  if (d.decision === 'license') {
    row(w().categories, d.categories.length ? d.categories.map((c) => `${c} ${w().catNames[c - 1] || ''}`).join('；') : w().none);
    row(w().newsPermit, d.news_permit ? w().needed : w().notNeeded);
  }
  row(w().preapprovals, d.preapproval_details.length
    ? d.preapproval_details.map((p) => `${w().sectors[p.sector] || p.sector}：${p.still_required ? w().stillRequired : w().cancelled}`).join('；')
    : w().none);
  const foreignNo = d.facts.some((f) => f.name === 'foreign_shareholding' && f.value === 'no');
  row(w().foreign, d.foreign_investment ? w().hasForeign : foreignNo ? w().none : w().unknownForeign);
  if (d.held_permits.length) row(w().held, d.held_permits.map((p) => p.number).join('；'));
}

function renderChanges(previous, d) {
  const box = $('changes');
  if (!previous) { box.hidden = true; return; }
  const lines = [];
  const cmp = (label, a, b) => { if (a !== b) lines.push(`${label}：${a} → ${b}`); };
  cmp(w().decisionLabel, w()[previous.decision], w()[d.decision]);
  cmp(w().categories, previous.categories.join(',') || '-', d.categories.join(',') || '-');
  cmp(w().confidence, `${Math.round(previous.confidence * 100)}%`, `${Math.round(d.confidence * 100)}%`);
  cmp(w().readyLabel, w().ready[previous.readiness.ready], w().ready[d.readiness.ready]);
  box.replaceChildren(el('strong', { text: lines.length ? w().changed : w().unchanged }), ...lines.map((l) => el('div', { text: l })));
  box.hidden = false;
}

function answer(id, value) {
  const previous = state.decision;
  if (value === undefined) delete state.facts[id];
  else state.facts[id] = value;
  buildFactsForm();
  classify(previous);
}

function renderQuestions(d) {
  const list = $('questions');
  list.replaceChildren();
  for (const m of d.missing_facts) {
    const choices = m.id === 'sectors'
      ? [[w().none, []], [w().unsure, undefined]]
      : [[w().yes, true], [w().no, false], [w().unsure, undefined]];
    const buttons = choices.map(([label, value]) => el('button', {
      type: 'button', text: label, 'data-fact': m.id, 'aria-label': `${m.question} ${label}`,
      onclick: () => answer(m.id, value),
    }));
    list.append(el('li', {}, el('span', { text: m.question }), el('div', { class: 'answers', role: 'group' }, ...buttons)));
  }
  $('questions-section').hidden = d.missing_facts.length === 0;
}

// The evidence spans in the client's own text, by code point (begin_char /
// end_char): JavaScript strings count UTF-16 units, so the text is split into
// code points first; emoji and rare characters stay whole.
function renderEvidence(d, text) {
  const chars = Array.from(text);
  const spans = d.evidence
    .filter((e) => e.end_char > e.begin_char)
    .sort((a, b) => a.begin_char - b.begin_char || b.end_char - a.end_char);
  const box = $('marked');
  box.replaceChildren();
  let at = 0;
  for (const e of spans) {
    if (e.begin_char < at) continue;  // overlapping spans: the first, longest one shows
    box.append(chars.slice(at, e.begin_char).join(''));
    const step = d.trace.findIndex((t) => t.evidence.some((s) => s.begin === e.begin && s.end === e.end));
    const mark = el('mark', {
      text: chars.slice(e.begin_char, e.end_char).join(''), tabindex: '0', 'data-signal': e.signal,
      title: step >= 0 ? `${w().step} ${step + 1}: ${d.trace[step].reason}` : e.signal,
    });
    if (e.negated) mark.classList.add('negated');
    if (step >= 0) {
      mark.dataset.step = String(step + 1);
      const go = () => showStep(step + 1);
      mark.addEventListener('click', go);
      mark.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
    }
    box.append(mark);
    at = e.end_char;
  }
  box.append(chars.slice(at).join(''));
}

function showStep(n) {
  const item = $(`step-${n}`);
  if (!item) return;
  item.scrollIntoView({ behavior: 'smooth', block: 'center' });
  item.classList.add('flash');
  item.focus();
  setTimeout(() => item.classList.remove('flash'), 1500);
}

function renderTrace(d) {
  const list = $('trace');
  list.replaceChildren(...d.trace.map((t, i) => {
    const evidence = t.evidence.map((e) => `「${e.text}」${e.negated ? w().negated : ''}`).join('、');
    const basis = t.basis === 'brief' ? w().basis.brief : t.citation || w().basis[t.basis];
    return el('li', { id: `step-${i + 1}`, tabindex: '-1' },
      el('span', { text: t.reason }),
      el('span', { class: 'basis', text: `${w().basisLabel}：${basis}${evidence ? ' · ' + evidence : ''}` }));
  }));
}

function renderReadiness(d) {
  const r = d.readiness;
  $('readiness-section').hidden = !r.applicable;
  if (!r.applicable) return;
  $('ready').textContent = `${w().readyLabel}：${w().ready[r.ready]}`;
  $('conditions').replaceChildren(...r.conditions.map((c) => el('li', { class: c.status, text: `${c.condition}：${c.detail}` })));
  $('materials').replaceChildren(...d.materials.map((m) => el('li', { text: m.text })));
}

function buildFactsForm() {
  const form = $('facts-form');
  form.replaceChildren();
  for (const id of TEXT_FACTS) {
    const input = el('input', { name: id, value: state.facts[id] ?? '', inputmode: id === 'province' || id === 'server_province' ? 'text' : 'decimal' });
    input.addEventListener('change', () => {
      const value = input.value.trim();
      answer(id, value === '' ? undefined : value);
    });
    form.append(el('label', {}, w().facts[id], input));
  }
  const select = (id, options) => {
    const s = el('select', { name: id });
    for (const [label, value] of options) {
      const o = el('option', { value, text: label });
      if (String(state.facts[id] ?? '') === value) o.selected = true;
      s.append(o);
    }
    s.addEventListener('change', () => answer(id, s.value === '' ? undefined : s.value === 'true' ? true : s.value === 'false' ? false : s.value));
    form.append(el('label', {}, w().facts[id], s));
  };
  select('operator', [[w().unknown, ''], [w().company, '公司'], [w().individual, '个人']]);
  for (const id of BOOLEAN_FACTS) select(id, [[w().unknown, ''], [w().yes, 'true'], [w().no, 'false']]);
}

// The batch: the file goes to /v1/batch as it is; XMLHttpRequest reports the
// upload's progress, which fetch cannot.
function uploadBatch() {
  const file = $('batch-file').files[0];
  const status = $('batch-status');
  if (!file) { status.textContent = w().noFile; return; }
  const link = $('batch-download');
  link.hidden = true;
  $('batch-download-xlsx').hidden = true;
  const progress = $('batch-progress');
  progress.hidden = false;
  progress.value = 0;
  status.textContent = w().uploading;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/v1/batch?lang=${state.lang}`);
  xhr.responseType = 'blob';
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = e.loaded / e.total; };
  xhr.upload.onload = () => { status.textContent = w().working2; progress.removeAttribute('value'); };
  xhr.onload = async () => {
    progress.hidden = true;
    if (xhr.status !== 200) {
      try { status.textContent = JSON.parse(await xhr.response.text()).error.message; } catch (e) { status.textContent = xhr.statusText; }
      return;
    }
    const text = await xhr.response.text();
    const counts = countDecisions(text);
    status.textContent = w().batchDone(counts.rows, counts.license, counts.filing, counts.neither);
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = file.name.replace(/\.[^.]*$/, '') + '-icp.csv';
    link.hidden = false;
    $('batch-download-xlsx').hidden = false;
  };
  xhr.onerror = () => { progress.hidden = true; status.textContent = 'network error'; };
  xhr.send(file);
}

// The same file again as an Excel workbook (format=xlsx): asked for only
// when wanted, since the server classifies the rows again to write it.
function downloadBatchXlsx(event) {
  event.preventDefault();
  const file = $('batch-file').files[0];
  if (!file) return;
  const status = $('batch-status');
  status.textContent = w().working2;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/v1/batch?lang=${state.lang}&format=xlsx`);
  xhr.responseType = 'blob';
  xhr.onload = async () => {
    if (xhr.status !== 200) {
      try { status.textContent = JSON.parse(await xhr.response.text()).error.message; } catch (e) { status.textContent = xhr.statusText; }
      return;
    }
    status.textContent = '';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(xhr.response);
    a.download = file.name.replace(/\.[^.]*$/, '') + '-icp.xlsx';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  };
  xhr.onerror = () => { status.textContent = 'network error'; };
  xhr.send(file);
}

// Rows per decision in the returned CSV (cells in the page's language).
const DECISION_CELLS = { license: 'license', filing: 'filing', neither: 'neither', 需要许可证: 'license', 仅需备案: 'filing', 均不需要: 'neither' };
function countDecisions(csv) {
  const counts = { rows: 0, license: 0, filing: 0, neither: 0 };
  let field = '', fields = [], quoted = false, decisionColumn = -1, header = true;
  const endRecord = () => {
    fields.push(field);
    if (header) { decisionColumn = fields.indexOf('icp_decision'); header = false; } else if (fields.length > 1 || fields[0] !== '') {
      counts.rows++;
      const d = DECISION_CELLS[fields[decisionColumn]];
      if (d) counts[d]++;
    }
    field = ''; fields = [];
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else if (c === '\n') endRecord();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || fields.length) endRecord();
  return counts;
}

async function loadVersion() {
  try {
    const r = await fetch('/v1/version');
    if (r.ok) { state.version = await r.json(); footer(); }
  } catch (e) { /* the footer stays without the version */ }
}

function init() {
  state.lang = langFromUrl();
  applyLanguage();
  loadVersion();
  $('classify').addEventListener('click', () => classify());
  $('text').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) classify(); });
  $('clear').addEventListener('click', () => {
    $('text').value = ''; state.facts = {}; state.decision = null; $('result').hidden = true; buildFactsForm(); setStatus('');
  });
  $('copy').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText($('summary').textContent); setStatus(w().copied); } catch (e) { setStatus(String(e), true); }
  });
  $('print').addEventListener('click', () => { footer(); window.print(); });
  $('batch-upload').addEventListener('click', uploadBatch);
  $('batch-download-xlsx').addEventListener('click', downloadBatchXlsx);
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    const url = new URL(location.href);
    url.searchParams.set('lang', state.lang);
    history.replaceState(null, '', url);
    applyLanguage();
    if (state.decision) classify();
  });
}

document.addEventListener('DOMContentLoaded', init);
