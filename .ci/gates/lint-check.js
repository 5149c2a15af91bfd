#!/usr/bin/env node
// Summarises `redocly lint --format=json` and `spectral lint -f json` reports and fails on any
// error, and on any warning that is not justified in lint-allowlist.md.
// Usage: node lint-check.js <spectral.json> <redocly.json>...   (one redocly report per document)
'use strict';
const fs = require('fs');
const path = require('path');

const allowlist = fs.readFileSync(path.join(__dirname, 'lint-allowlist.md'), 'utf8')
  .split('\n')
  .filter((l) => /^\|\s*(redocly|spectral)\s*\|/.test(l))
  .map((l) => l.split('|').map((c) => c.trim().replace(/`/g, '')))
  .map(([, tool, rule, doc, pointer, why]) => ({ tool, rule, doc, pointer, why }));

// Documents are named by their path below spec/ (`kindo-api.openapi.json`,
// `oas30/kindo-api.openapi.json`), so the two renditions of a document stay apart.
const docName = (ref) => {
  const full = path.resolve(ref || '');
  const at = full.lastIndexOf(`${path.sep}spec${path.sep}`);
  return at >= 0 ? full.slice(at + 6) : path.basename(full);
};

const findings = [];
const redoclyProblems = process.argv.slice(3)
  .flatMap((file) => JSON.parse(fs.readFileSync(file, 'utf8')).problems || []);
for (const p of redoclyProblems) {
  const loc = (p.location || [])[0] || {};
  findings.push({
    tool: 'redocly', rule: p.ruleId, severity: p.severity === 'error' ? 'error' : 'warning',
    doc: docName((loc.source || {}).ref), pointer: (loc.pointer || '').replace(/^#/, ''),
    message: p.message,
  });
}
const spectral = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const SEVERITY = ['error', 'warning', 'info', 'hint'];
for (const p of spectral) {
  findings.push({
    tool: 'spectral', rule: p.code, severity: SEVERITY[p.severity] || 'error',
    doc: docName(p.source), pointer: '/' + (p.path || []).map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
    message: p.message,
  });
}

let bad = 0;
for (const f of findings) {
  if (f.severity !== 'error' && f.severity !== 'warning') continue;
  const allowed = f.severity === 'warning' && allowlist.some((a) => a.tool === f.tool && a.rule === f.rule
    && (a.doc === '*' || a.doc === f.doc) && (a.pointer === '*' || a.pointer === f.pointer
      || (a.pointer.endsWith('*') && f.pointer.startsWith(a.pointer.slice(0, -1)))));
  const line = `${f.tool} ${f.severity} ${f.rule} ${f.doc}#${f.pointer}: ${f.message}`;
  if (allowed) console.log(`justified: ${line}`);
  else { console.error(line); bad += 1; }
}
const count = (tool, sev) => findings.filter((f) => f.tool === tool && f.severity === sev).length;
console.log(`redocly: ${count('redocly', 'error')} errors, ${count('redocly', 'warning')} warnings; ` +
  `spectral: ${count('spectral', 'error')} errors, ${count('spectral', 'warning')} warnings; ` +
  `${bad} not justified in lint-allowlist.md`);
process.exit(bad ? 1 : 0);
