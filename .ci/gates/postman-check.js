#!/usr/bin/env node
// Postman import gate: converts a published document with openapi-to-postmanv2 (the converter
// behind Postman's "Import") and fails unless the collection is usable as-is:
//   - one request per operation;
//   - auth carried on every request, and the API-key alternative also imports as an API Key
//     auth with the documented header (checked by converting with the alternatives swapped);
//   - the base URL is the `baseUrl` collection variable (point it at a self-hosted install);
//   - the documented examples appear as request bodies and saved responses.
// Usage: node postman-check.js <document.json> [--out collection.json | --count-operations]
'use strict';
const fs = require('fs');
const converter = require('openapi-to-postmanv2');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function convert(doc) {
  return new Promise((resolve, reject) => {
    converter.convertV2(
      { type: 'json', data: doc },
      { parametersResolution: 'Example', folderStrategy: 'Tags' },
      (err, res) => {
        if (err) return reject(err);
        if (!res.result) return reject(new Error(res.reason));
        resolve(res.output[0].data);
      });
  });
}

function requests(items, out = []) {
  for (const item of items || []) {
    if (item.item) requests(item.item, out);
    else out.push(item);
  }
  return out;
}

function operations(doc) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      if (item[method]) ops.push({ path, method, op: item[method] });
    }
  }
  return ops;
}

function parsed(text) {
  try { return JSON.stringify(JSON.parse(text)); } catch (_) { return null; }
}

function canon(value) { return JSON.stringify(value); }

async function main() {
  const file = process.argv[2];
  if (process.argv.includes('--count-operations')) {
    // Used by run.sh to compare other tools' imports with the document.
    console.log(operations(JSON.parse(fs.readFileSync(file, 'utf8'))).length);
    return;
  }
  const outIndex = process.argv.indexOf('--out');
  if (!file) { console.error('usage: postman-check.js <document.json> [--out file]'); process.exit(2); }
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const failures = [];
  const fail = (msg) => failures.push(msg);

  const collection = await convert(doc);
  if (outIndex > 0) fs.writeFileSync(process.argv[outIndex + 1], JSON.stringify(collection, null, 2));
  const reqs = requests(collection.item);
  const ops = operations(doc);

  // 1. One request per operation, named by its summary.
  if (reqs.length !== ops.length) fail(`${ops.length} operations but ${reqs.length} requests`);
  const names = new Set(reqs.map((r) => r.name));
  for (const { op, method, path } of ops) {
    if (!names.has(op.summary)) fail(`no request named "${op.summary}" for ${method.toUpperCase()} ${path}`);
  }

  // 2. Base URL variable.
  // The first server, its own variables (`{host}`) becoming collection variables (`{{host}}`)
  // that default to the server variable's default.
  const server = (doc.servers && doc.servers[0]) || {};
  const saas = (server.url || '').replace(/\{(\w+)\}/g, '{{$1}}');
  const variables = collection.variable || [];
  const baseUrl = variables.find((v) => v.key === 'baseUrl');
  if (!baseUrl || baseUrl.value !== saas) fail(`collection variable baseUrl should default to ${saas}, got ${JSON.stringify(baseUrl)}`);
  for (const [name, spec] of Object.entries(server.variables || {})) {
    const v = variables.find((x) => x.key === name);
    if (!v || v.value !== spec.default) fail(`collection variable ${name} should default to ${spec.default}, got ${JSON.stringify(v)}`);
  }
  for (const r of reqs) {
    const host = (r.request.url.host || []).join('.');
    if (host !== '{{baseUrl}}') fail(`request "${r.name}" does not use {{baseUrl}} (host ${host})`);
  }

  // 3. Auth on every secured request; the API-key alternative imports too.
  const schemes = (doc.components && doc.components.securitySchemes) || {};
  // An operation is secured unless it has no requirement or allows the empty one (`{}`).
  const secured = (op) => {
    const reqs = op.security || doc.security || [];
    return reqs.length > 0 && !reqs.some((r) => Object.keys(r).length === 0);
  };
  const byName = new Map(reqs.map((r) => [r.name, r]));
  for (const { op } of ops) {
    const r = byName.get(op.summary);
    if (r && secured(op) && (!r.request.auth || r.request.auth.type !== 'bearer')) {
      fail(`request "${r.name}" carries no bearer auth: ${JSON.stringify(r.request.auth)}`);
    }
  }
  const swapped = JSON.parse(JSON.stringify(doc));
  for (const { path, method } of operations(swapped)) {
    const op = swapped.paths[path][method];
    if (op.security) op.security = [...op.security].reverse();
  }
  const apiKey = Object.values(schemes).find((s) => s.type === 'apiKey');
  for (const r of requests((await convert(swapped)).item)) {
    const op = ops.find((o) => o.op.summary === r.name);
    if (!op || !secured(op.op)) continue;
    const auth = r.request.auth || {};
    const key = (auth.apikey || []).find((kv) => kv.key === 'key');
    const where = (auth.apikey || []).find((kv) => kv.key === 'in');
    if (auth.type !== 'apikey' || !key || key.value !== apiKey.name || (where && where.value !== 'header')) {
      fail(`API-key alternative of "${r.name}" does not import as header ${apiKey && apiKey.name}: ${JSON.stringify(auth)}`);
    }
  }

  // 4. Documented examples carried into request bodies and saved responses.
  let documented = 0;
  let carried = 0;
  for (const { op } of ops) {
    const r = byName.get(op.summary);
    if (!r) continue;
    const bodies = new Set([r.request.body && r.request.body.raw, ...(r.response || []).map((s) => s.originalRequest && s.originalRequest.body && s.originalRequest.body.raw)]
      .filter(Boolean).map(parsed));
    const saved = (r.response || []).map((s) => ({ code: s.code, body: parsed(s.body) }));
    const requestSideKeys = new Set((op.parameters || []).flatMap((p) => Object.keys(p.examples || {})));
    const reqExamples = (((op.requestBody || {}).content || {})['application/json'] || {}).examples || {};
    Object.keys(reqExamples).forEach((k) => requestSideKeys.add(k));
    Object.entries(reqExamples).forEach(([key, ex], i) => {
      documented += 1;
      const pairedOrFirst = i === 0 || Object.values(op.responses || {}).some((resp) => key in ((((resp.content || {})['application/json']) || {}).examples || {}));
      if (bodies.has(canon(ex.value))) carried += 1;
      else if (pairedOrFirst) fail(`request example "${key}" of "${r.name}" is not a request body in the collection`);
    });
    for (const [status, resp] of Object.entries(op.responses || {})) {
      const examples = (((resp.content || {})['application/json']) || {}).examples || {};
      const keys = Object.keys(examples);
      const paired = keys.filter((k) => requestSideKeys.has(k));
      // The converter saves key-paired examples, or else the first one of each status.
      const expected = paired.length ? paired : keys.slice(0, 1);
      for (const key of keys) {
        documented += 1;
        const found = saved.some((s) => String(s.code) === status && s.body === canon(examples[key].value));
        if (found) carried += 1;
        else if (expected.includes(key)) fail(`response example "${key}" (${status}) of "${r.name}" is not a saved response`);
      }
    }
  }
  console.log(`${file}: ${reqs.length} requests for ${ops.length} operations; ${carried} of ${documented} JSON examples carried`);
  if (failures.length) {
    for (const f of failures) console.error(`${file}: ${f}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(`${process.argv[2]}: conversion failed: ${e.message}`); process.exit(1); });
