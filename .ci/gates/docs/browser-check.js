#!/usr/bin/env node
// Opens every page of the rendered reference in headless Chromium with the network cut off
// (host resolution disabled, and every request not to the site's own 127.0.0.1 origin
// intercepted, counted and aborted), waits for the render and checks from the DOM that each
// document's operations (operationIds read from the JSON document itself), examples and
// stream event tables are there. Keeps a screenshot per page; prints render time and weight.
// Usage: node browser-check.js <site-url> <site-dir> <spec-dir> <artifact-dir>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(doc) {
  const ops = [];
  for (const item of Object.values(doc.paths || {})) {
    for (const m of METHODS) if (item[m]) ops.push(item[m]);
  }
  return ops;
}

// Example keys an operation documents (parameters, request bodies, responses).
function exampleKeys(op) {
  const keys = new Set();
  for (const p of op.parameters || []) Object.keys(p.examples || {}).forEach((k) => keys.add(k));
  const contents = [op.requestBody || {}, ...Object.values(op.responses || {})].map((x) => x.content || {});
  for (const content of contents) {
    for (const media of Object.values(content)) Object.keys(media.examples || {}).forEach((k) => keys.add(k));
  }
  return [...keys];
}

function streams(doc) {
  return operations(doc).filter((op) => Object.values(op.responses || {})
    .some((r) => r.content && r.content['text/event-stream']));
}

async function main() {
  const [siteUrl, siteDir, specDir, artifacts] = process.argv.slice(2);
  if (!artifacts) { console.error('usage: browser-check.js <site-url> <site-dir> <spec-dir> <artifact-dir>'); process.exit(2); }
  const origin = new URL(siteUrl).origin;
  fs.mkdirSync(artifacts, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const failures = [];
  const fail = (msg) => failures.push(msg);
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  // Requests the router may not see (e.g. a service worker's) are still reported here.
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !outside.includes(url)) outside.push(url);
  });

  const pages = fs.readdirSync(siteDir).filter((f) => f.endsWith('.html')).sort();
  const documents = fs.readdirSync(specDir).filter((f) => f.endsWith('.openapi.json')).sort();
  for (const file of pages) {
    const page = await context.newPage();
    const before = outside.length;
    let bytes = 0;
    let requests = 0;
    page.on('response', async (res) => {
      requests += 1;
      try { bytes += (await res.body()).length; } catch (_) { /* aborted */ }
    });
    const started = Date.now();
    const response = await page.goto(`${siteUrl}${file}`, { waitUntil: 'load' });
    await page.waitForSelector('main', { state: 'visible' });
    const rendered = Date.now() - started;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: Math.round(nav.loadEventEnd - nav.startTime), body: nav.decodedBodySize };
    });
    if (!response || response.status() !== 200) fail(`${file}: HTTP ${response && response.status()}`);
    const name = file.replace(/\.html$/, '');
    const docFile = `${name}.openapi.json`;
    let summary = '';
    if (documents.includes(docFile)) {
      const doc = JSON.parse(fs.readFileSync(path.join(specDir, docFile), 'utf8'));
      const ops = operations(doc);
      const expected = ops.map((op) => ({ id: op.operationId, keys: exampleKeys(op) }));
      // Sections off screen are skipped by the layout (content-visibility), so each one is
      // scrolled to and must then show its operationId as rendered text.
      const found = await page.evaluate(async (expected) => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const out = [];
        for (const { id, keys } of expected) {
          const section = document.querySelector(`section.operation[data-operation-id="${CSS.escape(id)}"]`);
          if (!section) { out.push({ id, present: false, missing: keys }); continue; }
          section.scrollIntoView();
          await frame();
          const shown = section.getBoundingClientRect().height > 0 && section.innerText.includes(id);
          const missing = keys.filter((k) => !section.querySelector(`.example[data-example="${CSS.escape(k)}"]`));
          out.push({ id, present: shown, missing });
        }
        window.scrollTo(0, 0);
        return out;
      }, expected);
      for (const f of found) {
        if (!f.present) fail(`${file}: operation ${f.id} is not rendered`);
        for (const k of f.missing) fail(`${file}: example "${k}" of ${f.id} is not rendered`);
      }
      const dom = await page.evaluate(() => ({
        pairs: document.querySelectorAll('.example-pair').length,
        examples: document.querySelectorAll('.example').length,
        renderedExample: [...document.querySelectorAll('.example-pair .pair')].some((p) => p.querySelector('.ex-request') && p.querySelector('.ex-response pre') && p.getBoundingClientRect().height > 0),
        streamTables: document.querySelectorAll('table.stream-events').length,
        streamEvents: document.querySelectorAll('table.stream-events tr.stream-event').length,
        schemas: document.querySelectorAll('section.schema').length,
      }));
      const exampleCount = expected.reduce((n, e) => n + e.keys.length, 0);
      if (exampleCount > 0 && !dom.renderedExample) fail(`${file}: no request/response example pair renders`);
      const streaming = streams(doc);
      if (streaming.length && dom.streamTables < streaming.length) fail(`${file}: ${streaming.length} streaming operations but ${dom.streamTables} event tables`);
      if (streaming.length && dom.streamEvents === 0) fail(`${file}: event tables have no rows`);
      const schemaCount = Object.keys((doc.components || {}).schemas || {}).length;
      if (dom.schemas !== schemaCount) fail(`${file}: ${schemaCount} schemas but ${dom.schemas} sections`);
      summary = `${ops.length} operations, ${dom.pairs} example pairs (${dom.examples} examples), ` +
        `${dom.streamTables} stream tables / ${dom.streamEvents} event rows, ${dom.schemas} schemas; `;
      for (const op of streaming) {
        // A picture at each streaming operation's event table, with its examples below.
        const id = op.operationId;
        await page.evaluate((id) => document.querySelector(`[data-operation-id="${CSS.escape(id)}"] table.stream-events`).closest('.stream').previousElementSibling.scrollIntoView(), id);
        await page.screenshot({ path: path.join(artifacts, `${name}-${id}.png`) });
      }
      await page.evaluate(() => window.scrollTo(0, 0));
    } else if (file === 'index.html') {
      const cards = await page.evaluate(() => [...document.querySelectorAll('[data-document]')].map((c) => c.dataset.document));
      for (const d of documents.map((f) => f.replace('.openapi.json', ''))) {
        if (!cards.includes(d)) fail(`index.html: no card for ${d}`);
      }
      summary = `${cards.length} documents; `;
    }
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    const left = outside.length - before;
    if (left) fail(`${file}: ${left} request(s) left the page: ${outside.slice(before).join(', ')}`);
    console.log(`${file}: ${summary}rendered in ${rendered} ms (load event ${timing.load} ms); ` +
      `page weight ${(bytes / 1024).toFixed(1)} KiB in ${requests} request(s); ${left} request(s) left the page`);
    await page.close();
  }
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  if (failures.length) {
    for (const f of failures) console.error(`docs browser check: ${f}`);
    process.exit(1);
  }
  console.log(`docs browser check: ${pages.length} pages, screenshots in ${artifacts}`);
}

main().catch((e) => { console.error(`docs browser check: ${e.stack || e.message}`); process.exit(1); });
