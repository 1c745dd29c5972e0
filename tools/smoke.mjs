#!/usr/bin/env node
// Contract smoke check for docs/design.md §4 (local stack, partner API, e-mail channel, staff API).
// Run from the project's root while `npm start` is up:  node tools/smoke.mjs [api|email|all]
// It checks shapes and behaviour of the published contracts, not business rules in depth.
import { readFileSync } from 'node:fs';
import net from 'node:net';

const which = process.argv[2] ?? 'all';
const dev = JSON.parse(readFileSync('.local/dev.json', 'utf8'));
const api = dev.apiUrl.replace(/\/$/, '');
let pass = 0, fail = 0;
const check = (ok, what) => { if (ok) pass++; else { fail++; console.log('FAIL', what); } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const token = (t) => dev.tenants?.[t]?.partnerToken;
async function call(method, path, { t, bearer, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  const b = bearer ?? (t ? token(t) : undefined);
  if (b) h.authorization = `Bearer ${b}`;
  if (body !== undefined || raw !== undefined) h['content-type'] ??= 'application/json';
  const res = await fetch(api + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text(); let json = null; try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, type: res.headers.get('content-type') || '', json };
}
const isProblem = (r) => r.type.includes('application/problem+json') && typeof r.json?.title === 'string' && r.json?.status === r.status;
const request = (name) => ({ rights: [{ type: 'access' }], subject: { name, email: `smoke.${Date.now()}@example.lt` }, language: 'en' });

async function apiChecks() {
  check((await call('GET', '/healthz')).status === 200, 'GET /healthz -> 200');
  const oas = await call('GET', '/openapi.json');
  check(oas.status === 200 && String(oas.json?.openapi || '').startsWith('3.1'), 'GET /openapi.json is OpenAPI 3.1');
  for (const t of ['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra']) {
    check(!!token(t) && !!dev.tenants[t].mailbox, `${t}: partnerToken and mailbox in .local/dev.json`);
    const r = await call('POST', '/v1/requests', { t, body: request('Smoke Test') });
    check(r.status === 201 && r.json?.tenantId === t && r.json?.channel === 'api', `${t}: POST /v1/requests -> 201 case (${r.status})`);
    check(/^\d{4}-\d{2}-\d{2}$/.test(r.json?.dueDate ?? '') && !Number.isNaN(Date.parse(r.json?.dueAt)), `${t}: dueDate/dueAt formats`);
    if (r.json?.id) check((await call('GET', `/v1/requests/${r.json.id}`, { t })).json?.id === r.json.id, `${t}: GET /v1/requests/{id}`);
  }
  // Public examples from docs/design.md §1.4 (Softera: 1 month; Gautora: 14 working days notice; Lytagra: 72 h).
  const d1 = await call('GET', `/v1/deadlines?receivedAt=${encodeURIComponent('2028-01-31T10:00:00Z')}`, { t: 'softera' });
  check(d1.json?.answer?.dueDate === '2028-02-29', `softera: received 2028-01-31 -> due 2028-02-29 (got ${d1.json?.answer?.dueDate})`);
  check(d1.json?.invalidRequestNotice === null && d1.json?.directMarketingObjection === null, 'softera: no invalid-notice / marketing periods');
  const d2 = await call('GET', `/v1/deadlines?receivedAt=${encodeURIComponent('2026-12-10T10:00:00Z')}`, { t: 'gautora' });
  check(d2.json?.invalidRequestNotice?.dueDate === '2027-01-04', `gautora: 14 working days from 2026-12-10 -> 2027-01-04 (got ${d2.json?.invalidRequestNotice?.dueDate})`);
  const d3 = await call('GET', `/v1/deadlines?receivedAt=${encodeURIComponent('2026-11-21T10:15:00Z')}`, { t: 'lytagra' });
  check(Date.parse(d3.json?.directMarketingObjection?.dueAt) === Date.parse('2026-11-24T11:00:00Z'), `lytagra: 72 h from 10:15Z -> 2026-11-24T11:00Z (got ${d3.json?.directMarketingObjection?.dueAt})`);
  const bad = await call('POST', '/v1/requests', { t: 'bajtel', raw: '{"rights": [' });
  check(bad.status === 400 && isProblem(bad), 'malformed JSON -> 400 problem+json');
  const anon = await call('POST', '/v1/requests', { body: request('X') });
  check(anon.status === 401 && isProblem(anon), 'no token -> 401 problem+json');
}

function smtpSend(from, to, raw) {
  return new Promise((resolve, reject) => {
    const s = net.connect(dev.smtp.port, dev.smtp.host);
    const steps = ['EHLO smoke.test', `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA', raw.replace(/\r?\n/g, '\r\n') + '\r\n.', 'QUIT'];
    let i = 0, buf = '';
    s.setTimeout(15000, () => { s.destroy(); reject(new Error('smtp timeout')); });
    s.on('data', (d) => { buf += d; const lines = buf.split('\r\n'); buf = lines.pop();
      for (const l of lines) if (/^\d{3} /.test(l)) { if (/^[45]/.test(l)) { s.destroy(); return reject(new Error(l)); } if (i < steps.length) s.write(steps[i++] + '\r\n'); else s.end(); } });
    s.on('close', resolve); s.on('error', reject);
  });
}
async function emailChecks() {
  const t = 'softera', mailbox = dev.tenants[t].mailbox, stamp = Date.now();
  const who = `smoke.${stamp}@example.lt`, mid = `<smoke-${stamp}@example.lt>`;
  await smtpSend(who, mailbox, `From: Smoke Test <${who}>\nTo: ${mailbox}\nSubject: Data access request\nMessage-ID: ${mid}\nDate: ${new Date().toUTCString()}\nContent-Type: text/plain; charset=utf-8\n\nPlease send me a copy of my personal data.\n`);
  let acks = [];
  for (let i = 0; i < 30 && !acks.length; i++) {
    await sleep(1000);
    const store = await (await fetch(dev.sesOutboxUrl)).json();
    acks = (store.emails || []).filter((e) => JSON.stringify(e.destination || {}).includes(who));
  }
  check(acks.length >= 1, 'e-mailed request is acknowledged by e-mail within 30 s');
  const staff = dev.tenants[t].staffTokens?.agent;
  const found = await call('GET', `/console/api/cases?q=${encodeURIComponent(who)}`, { bearer: staff });
  const list = Array.isArray(found.json) ? found.json : found.json?.items ?? [];
  check(found.status === 200 && list.length === 1, 'staff search finds the e-mailed case');
  if (list[0]) {
    const m = await call('GET', `/console/api/cases/${list[0].id}/messages`, { bearer: staff });
    const msgs = Array.isArray(m.json) ? m.json : m.json?.items ?? [];
    check(msgs.some((x) => x.direction === 'inbound' && x.messageId === mid), 'messages API lists the inbound message with its Message-ID');
    check(msgs.some((x) => x.direction === 'outbound' && (x.inReplyTo === mid) && typeof x.raw === 'string'), 'messages API lists the threaded reply with raw MIME');
  }
}

if (which === 'api' || which === 'all') await apiChecks();
if (which === 'email' || which === 'all') await emailChecks();
console.log(`smoke: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
