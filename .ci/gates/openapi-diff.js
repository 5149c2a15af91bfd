// The openapi-diff cross-check in one node process (see openapi-diff.sh, which installs the
// tool and builds xtask first). For every diff fixture pair (3.0.3 renditions, both directions)
// and every released contract against its current document, openapi-diff's verdict
// (`diffSpecs`, run in a worker thread so a pair that takes too long can be stopped) is set
// beside ours (`xtask diff`, exit 1 on ERR). Wherever openapi-diff reports a breaking change
// ours must report an ERR, unless the allowlist names the pair with the reason openapi-diff is
// wrong there.
// Usage: node openapi-diff.js <repo> <work dir> <openapi-diff module dir>
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync, spawnSync } = require("child_process");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");

// Seconds: one fixture pair (they take well under one), a released document (openapi-diff
// needs minutes on kindo-api, so those pairs may end without a verdict), all of openapi-diff's
// work. Two workers: CI has two cores.
const PAIR_TIMEOUT = 20;
const RELEASED_TIMEOUT = 15;
const RUN_BUDGET = 120;
const LANES = 2;

if (!isMainThread) {
  // The worker: one diffSpecs call per message.
  const { diffSpecs } = require(workerData.module);
  parentPort.on("message", async (job) => {
    const spec = (file) => ({ content: fs.readFileSync(file, "utf8"), location: file, format: "openapi3" });
    try {
      const outcome = await diffSpecs({ sourceSpec: spec(job.a), destinationSpec: spec(job.b) });
      parentPort.postMessage({ id: job.id, verdict: outcome.breakingDifferencesFound ? "breaking" : "compatible" });
    } catch (e) {
      parentPort.postMessage({ id: job.id, verdict: "error", detail: String(e && e.message).split("\n")[0] });
    }
  });
  return;
}

const [repo, work, moduleDir] = process.argv.slice(2);
const started = Date.now();
const xtask = path.join(repo, "target/debug/xtask");
const pairsDir = path.join(work, "od-pairs");
fs.mkdirSync(pairsDir, { recursive: true });

// Every fixture as 3.1 files, then 3.0.3 renditions; some shapes have none (e.g. two request
// media types, which the published 3.0.3 conversion refuses).
const jobs = [];
const skipped = [];
const fixtures = path.join(repo, "xtask/tests/diff_fixtures/pairs");
for (const file of fs.readdirSync(fixtures).sort()) {
  const name = file.replace(/\.json$/, "");
  const fx = JSON.parse(fs.readFileSync(path.join(fixtures, file), "utf8"));
  const dir = path.join(pairsDir, name);
  fs.mkdirSync(dir, { recursive: true });
  const converted = ["old", "new"].every((side) => {
    fs.writeFileSync(path.join(dir, `${side}.31.json`), JSON.stringify(fx[side]));
    const r = spawnSync(xtask, ["oas30", path.join(dir, `${side}.31.json`), path.join(dir, `${side}.json`)], { encoding: "utf8" });
    if (r.status !== 0) skipped.push(`${name} (${(r.stderr.split("\n")[0] || "").replace(/.*json: /, "")})`);
    return r.status === 0;
  });
  if (!converted) continue;
  const old = path.join(dir, "old.json"), neu = path.join(dir, "new.json");
  jobs.push({ name, dir: "forward", a: old, b: neu, timeout: PAIR_TIMEOUT });
  jobs.push({ name, dir: "reverse", a: neu, b: old, timeout: PAIR_TIMEOUT });
}
// Released contracts last: they are the slow ones.
const released = path.join(repo, "spec/released");
for (const doc of fs.readdirSync(released).filter((d) => fs.statSync(path.join(released, d)).isDirectory()).sort()) {
  const versions = fs.readdirSync(path.join(released, doc)).filter((f) => /^\d+\.\d+\.\d+\.openapi\.json$/.test(f));
  versions.sort((x, y) => {
    const [a, b] = [x, y].map((v) => v.split(".").slice(0, 3).map(Number));
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  });
  if (!versions.length) continue;
  const dir = path.join(pairsDir, `released-${doc}`);
  fs.mkdirSync(dir, { recursive: true });
  const old = path.join(dir, "old.json");
  execFileSync(xtask, ["oas30", path.join(released, doc, versions[versions.length - 1]), old]);
  jobs.push({ name: `released-${doc}`, dir: "forward", a: old, b: path.join(repo, `spec/oas30/${doc}.openapi.json`), timeout: RELEASED_TIMEOUT });
}
jobs.forEach((j, i) => (j.id = i));

const prepared = Date.now();
// Ours: exit 1 means an ERR; anything above 1 is a failure of the tool itself.
for (const j of jobs) {
  const r = spawnSync(xtask, ["diff", j.a, j.b, "--format", "json"], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`openapi-diff: xtask diff failed on ${j.name} (${j.dir}): ${r.stderr.trim()}`);
    process.exit(1);
  }
  j.ours = r.status === 1;
}

const oursDone = Date.now();
// Theirs, in LANES workers; a worker that overruns its pair is terminated and replaced.
function runTheirs() {
  const theirsStarted = Date.now();
  let next = 0;
  const lane = () =>
    new Promise((resolve) => {
      let worker = null;
      let timer = null;
      let current = null;
      const start = () => {
        worker = new Worker(__filename, { workerData: { module: moduleDir } });
        worker.on("message", (m) => {
          clearTimeout(timer);
          Object.assign(jobs[m.id], { theirs: m.verdict, detail: m.detail });
          send();
        });
        worker.on("error", (e) => {
          clearTimeout(timer);
          Object.assign(current, { theirs: "error", detail: String(e.message) });
          start();
          send();
        });
      };
      const send = () => {
        const left = RUN_BUDGET - (Date.now() - theirsStarted) / 1000;
        if (next >= jobs.length || left <= 0) {
          worker.terminate().then(resolve);
          return;
        }
        const job = (current = jobs[next++]);
        const seconds = Math.min(job.timeout, left);
        timer = setTimeout(() => {
          Object.assign(job, { theirs: "error", detail: `no verdict within ${Math.round(seconds)} s` });
          worker.removeAllListeners();
          worker.terminate().then(() => {
            start();
            send();
          });
        }, seconds * 1000);
        worker.postMessage(job);
      };
      start();
      send();
    });
  return Promise.all(Array.from({ length: LANES }, lane)).then(() => {
    for (const j of jobs.filter((x) => !x.theirs)) Object.assign(j, { theirs: "error", detail: "run budget spent" });
  });
}

runTheirs().then(() => {
  const allowlist = fs
    .readFileSync(path.join(__dirname, "openapi-diff-allowlist.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split(" ").slice(0, 2).join(" "));
  const allowed = new Set(allowlist);
  const counts = { both: 0, oursOnly: 0, allowlisted: 0, neither: 0, noVerdict: 0, missed: 0 };
  let failed = 0;
  for (const j of jobs) {
    const key = `${j.name} ${j.dir}`;
    if (j.theirs === "error") {
      counts.noVerdict++;
      console.log(`openapi-diff: no verdict on ${j.name} (${j.dir}): ${j.detail}`);
      // A fixture pair openapi-diff cannot read (a circular $ref) is its limit; one left
      // unrun proves nothing, so the budget must cover them all.
      if (!j.name.startsWith("released-") && j.detail === "run budget spent") failed++;
    } else if (j.theirs === "breaking" && j.ours) counts.both++;
    else if (j.theirs === "breaking" && allowed.has(key)) counts.allowlisted++;
    else if (j.theirs === "breaking") {
      counts.missed++;
      failed++;
      console.error(`MISSED: ${j.name} (${j.dir}): openapi-diff reports breaking, xtask diff no ERR`);
    } else if (j.ours) counts.oursOnly++;
    else counts.neither++;
  }
  // Every allowlist entry must still be needed.
  for (const key of allowlist) {
    const j = jobs.find((x) => `${x.name} ${x.dir}` === key);
    if (!j) {
      console.error(`openapi-diff: allowlist names unknown pair ${key}`);
      failed++;
    } else if (j.theirs === "compatible") {
      console.error(`openapi-diff: allowlist entry ${key} is stale (openapi-diff no longer reports breaking)`);
      failed++;
    }
  }
  for (const s of skipped) console.log(`openapi-diff: skipped ${s}`);
  const pairs = new Set(jobs.map((j) => j.name)).size;
  console.log(
    `openapi-diff cross-check: ${pairs} pairs, ${jobs.length} comparisons (${skipped.length} fixtures without a 3.0.3 rendition); ` +
      `both breaking ${counts.both}, ours only ${counts.oursOnly}, theirs only (allowlisted) ${counts.allowlisted}, ` +
      `neither ${counts.neither}, no openapi-diff verdict ${counts.noVerdict}, missed ${counts.missed}; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s (3.0.3 renditions ${((prepared - started) / 1000).toFixed(1)} s, ` +
      `xtask diff ${((oursDone - prepared) / 1000).toFixed(1)} s, openapi-diff ${((Date.now() - oursDone) / 1000).toFixed(1)} s)`
  );
  process.exit(failed ? 1 : 0);
});
