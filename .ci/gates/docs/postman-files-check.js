#!/usr/bin/env node
// Loads the Postman collection and environments `cargo xtask docs` writes with Postman's own
// SDK (postman-collection) and checks them against the JSON document they come from: one
// request per operation (method, path, summary), each environment resolves every request to
// its server's URL, every secured request carries auth, and every documented JSON example is
// a request body or saved response.
// Usage: node postman-files-check.js <site-dir> <spec-dir>
'use strict';
const fs = require('fs');
const path = require('path');
const { Collection, VariableScope } = require('postman-collection');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const canon = (text) => { try { return JSON.stringify(JSON.parse(text)); } catch (_) { return text; } };

function main() {
  const [siteDir, specDir] = process.argv.slice(2);
  const downloads = path.join(siteDir, 'downloads');
  const failures = [];
  const fail = (m) => failures.push(m);
  for (const docFile of fs.readdirSync(specDir).filter((f) => f.endsWith('.openapi.json')).sort()) {
    const name = docFile.replace('.openapi.json', '');
    const doc = JSON.parse(fs.readFileSync(path.join(specDir, docFile), 'utf8'));
    const json = JSON.parse(fs.readFileSync(path.join(downloads, `${name}.postman_collection.json`), 'utf8'));
    const collection = new Collection(json);
    const items = [];
    collection.forEachItem((item) => items.push(item));
    const ops = [];
    for (const [p, item] of Object.entries(doc.paths)) for (const m of METHODS) if (item[m]) ops.push({ path: p, method: m, op: item[m] });
    if (items.length !== ops.length) fail(`${name}: ${ops.length} operations but ${items.length} requests`);
    const envFiles = fs.readdirSync(downloads).filter((f) => f.startsWith(`${name}.`) && f.endsWith('.postman_environment.json')).sort();
    if (envFiles.length !== (doc.servers || []).length) fail(`${name}: ${(doc.servers || []).length} servers but ${envFiles.length} environments`);
    let documented = 0;
    let carried = 0;
    for (const { path: p, method, op } of ops) {
      const item = items.find((i) => i.name === op.summary);
      if (!item) { fail(`${name}: no request "${op.summary}" for ${method.toUpperCase()} ${p}`); continue; }
      const req = item.request;
      if (req.method !== method.toUpperCase()) fail(`${name}: "${op.summary}" is ${req.method}, not ${method.toUpperCase()}`);
      const postmanPath = '/' + req.url.path.join('/');
      const expectedPath = p.replace(/\{(\w+)\}/g, ':$1');
      if (postmanPath !== expectedPath) fail(`${name}: "${op.summary}" path ${postmanPath}, expected ${expectedPath}`);
      const secured = (op.security || doc.security || []).length > 0 && !(op.security || doc.security).some((r) => Object.keys(r).length === 0);
      const cookie = req.headers.all().some((h) => h.key === 'Cookie');
      if (secured && !(req.auth && req.auth.type !== 'noauth') && !cookie) fail(`${name}: "${op.summary}" carries no credential`);
      // Every environment resolves the URL onto its server.
      for (const [i, envFile] of envFiles.entries()) {
        const env = JSON.parse(fs.readFileSync(path.join(downloads, envFile), 'utf8'));
        const scope = new VariableScope(env.values);
        const resolved = scope.replaceIn(scope.replaceIn(req.url.toString()));
        const server = doc.servers[i];
        const base = server.url.replace(/\{(\w+)\}/g, (_, v) => server.variables[v].default);
        if (!resolved.startsWith(base + '/')) fail(`${name}: ${envFile}: "${op.summary}" resolves to ${resolved}, not under ${base}`);
        if (/\{\{/.test(resolved)) fail(`${name}: ${envFile}: "${op.summary}" leaves a variable unresolved: ${resolved}`);
      }
      // Examples: request bodies and saved responses.
      const bodies = new Set([req.body && req.body.raw, ...item.responses.all().map((r) => r.originalRequest && r.originalRequest.body && r.originalRequest.body.raw)].filter(Boolean).map(canon));
      for (const media of Object.values((op.requestBody || {}).content || {})) {
        for (const [key, ex] of Object.entries(media.examples || {})) {
          documented += 1;
          if (bodies.has(JSON.stringify(ex.value))) carried += 1; else fail(`${name}: request example "${key}" of "${op.summary}" is not in the collection`);
        }
      }
      for (const [status, resp] of Object.entries(op.responses || {})) {
        for (const media of Object.values(resp.content || {})) {
          for (const [key, ex] of Object.entries(media.examples || {})) {
            documented += 1;
            const want = typeof ex.value === 'string' ? ex.value : JSON.stringify(ex.value);
            const found = item.responses.all().some((r) => String(r.code) === status && (typeof ex.value === 'string' ? r.body === want : canon(r.body) === want));
            if (found) carried += 1; else fail(`${name}: response example "${key}" (${status}) of "${op.summary}" is not a saved response`);
          }
        }
      }
    }
    console.log(`${name}: Postman SDK loads ${items.length} requests for ${ops.length} operations; ` +
      `${envFiles.length} environments resolve every URL; ${carried} of ${documented} examples carried`);
  }
  if (failures.length) {
    for (const f of failures) console.error(`postman files: ${f}`);
    process.exit(1);
  }
}

main();
