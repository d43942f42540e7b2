#!/usr/bin/env bash
# The peer of bench/run-page.ts: the Workflow SDK's observability UI, @workflow/web 4.1.25, over a real
# Workflow SDK app (workflow 4.8.9, @workflow/world-local 4.4.1) on this machine. The recipe of the peer
# comparison (steps, a retried step, a failing step, a sleep, a hook; a web UI on Node 22, which it needs),
# without its exploratory screenshots and timings, plus a workflow of exactly ten steps: its run's trace is
# what a ten-node Flowdeck graph is compared with.
#   bash bench/run-page-peer.sh setup    install, build and run the app, start one ten-step run, seed about
#                                        2,000 runs (at most SEED_MAX_S seconds, default 600), stop the app
#                                        (the data set stays as it is) and start the web UI
#   bash bench/run-page-peer.sh start    start the web UI on 127.0.0.1:3456 (its own process group)
#   bash bench/run-page-peer.sh stop     stop it (by its process group)
#   bash bench/run-page-peer.sh status
# Everything lives under /tmp/anchors/workflow; the ten-step run's id is in /tmp/anchors/workflow/ten-steps.runid.
# Ports: 3000 = the app (during setup only), 3456 = the web UI (127.0.0.1 only).
set -euo pipefail
ROOT=/tmp/anchors/workflow
N22="$ROOT/node22/node_modules/.bin/node"

start_web() {
  cd "$ROOT/v4"
  if [ -f web.pid ] && kill -0 "$(cat web.pid)" 2>/dev/null; then echo "running: pid $(cat web.pid)"; return; fi
  WORKFLOW_TARGET_WORLD=local WORKFLOW_MANIFEST_PATH="$ROOT/v4/.well-known/workflow/v1/manifest.json" \
  WORKFLOW_OBSERVABILITY_CWD="$ROOT/v4" WEB_PORT=3456 setsid nohup "$N22" serve-web.mjs > web.log 2>&1 < /dev/null & echo $! > web.pid
  for _ in $(seq 1 120); do curl -s -o /dev/null 127.0.0.1:3456/ && break; sleep 1; done
  echo "@workflow/web on http://127.0.0.1:3456 (pid $(cat web.pid)); ten-step run: $(cat "$ROOT/ten-steps.runid" 2>/dev/null)"
}

stop_web() {
  cd "$ROOT/v4"
  if [ -f web.pid ]; then kill -- "-$(cat web.pid)" 2>/dev/null || true; rm -f web.pid; fi
  echo stopped
}

case "${1:-}" in
  start) start_web; exit 0 ;;
  stop) stop_web; exit 0 ;;
  status) if [ -f "$ROOT/v4/web.pid" ] && kill -0 "$(cat "$ROOT/v4/web.pid")" 2>/dev/null; then echo "running: pid $(cat "$ROOT/v4/web.pid")"; else echo "not running"; fi; exit 0 ;;
  setup) ;;
  *) echo "usage: bash bench/run-page-peer.sh setup|start|stop|status" >&2; exit 2 ;;
esac

mkdir -p "$ROOT"/{v4/workflows,node22}

# --- 0. prerequisites -------------------------------------------------------------------------------
command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }
# @workflow/web's server bundle statically imports node:sqlite (bundled undici cache store) -> needs Node >= 22.13
# (Node 20 answers every page with "Internal Server Error": ERR_UNKNOWN_BUILTIN_MODULE node:sqlite).
( cd "$ROOT/node22" && [ -f package.json ] || npm init -y >/dev/null; cd "$ROOT/node22" && npm install node@22.23.3 )
N22="$ROOT/node22/node_modules/.bin/node"

# --- 1. install the published packages ---------------------------------------------------------------
cd "$ROOT/v4"
[ -f package.json ] || npm init -y >/dev/null
npm install workflow@4.8.9 @workflow/cli@4.3.13 @workflow/web@4.1.25 @workflow/world@4.5.0 @workflow/world-local@4.4.1

# --- 2. a tiny real workflow app ---------------------------------------------------------------------
cat > workflows/order.ts <<'REPRO_EOF'
import { sleep, createHook, getWritable } from 'workflow';

async function fetchOrder(orderId: string) {
  'use step';
  return { orderId, items: ['apple', 'pear'], total: 42 };
}

async function chargeCard(total: number) {
  'use step';
  if (Math.random() < 0.3) throw new Error('transient card error');
  return { chargeId: 'ch_' + Math.floor(Math.random() * 1e6), total };
}

async function emitProgress(msg: string) {
  'use step';
  const w = getWritable<string>().getWriter();
  await w.write(msg + '\n');
  w.releaseLock();
}

async function shipOrder(orderId: string) {
  'use step';
  return { trackingId: 'TRK-' + orderId };
}

async function failingStep() {
  'use step';
  throw new Error('boom: validation failed');
}

export async function processOrder(orderId: string) {
  'use workflow';
  const order = await fetchOrder(orderId);
  await emitProgress('fetched ' + orderId);
  const charge = await chargeCard(order.total);
  await sleep('1s');
  const [ship] = await Promise.all([shipOrder(orderId), emitProgress('charged')]);
  return { order, charge, ship };
}

export async function approvalFlow(requestId: string) {
  'use workflow';
  const hook = createHook<{ approved: boolean }>({ token: 'approval-' + requestId });
  const res = await hook;
  return { requestId, approved: res.approved };
}

export async function brokenFlow(x: number) {
  'use workflow';
  await fetchOrder(String(x));
  await failingStep();
  return x;
}

// A run of exactly ten steps, to set beside a ten-node graph.
async function tenStepsStep(i: number, acc: number) {
  'use step';
  return acc + i;
}

export async function tenSteps(seed: number) {
  'use workflow';
  let acc = seed;
  for (let i = 1; i <= 10; i++) acc = await tenStepsStep(i, acc);
  return acc;
}
REPRO_EOF
cat > tsconfig.json <<'REPRO_EOF'
{ "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "strict": false, "skipLibCheck": true } }
REPRO_EOF
# standalone build -> .well-known/workflow/v1/{flow.js,step.js,webhook.js,manifest.json} (CommonJS bundles,
# so package.json must NOT say "type":"module")
npm pkg delete type >/dev/null 2>&1 || true
npx workflow build

# minimal HTTP host for the bundles (+ /start/<name> and /resume/<token> helpers)
cat > server.mjs <<'REPRO_EOF'
// Minimal host for a standalone-built Workflow SDK app (world-local).
// Serves /.well-known/workflow/v1/{flow,step} and offers POST /start/<workflowName> and POST /resume/<token>.
import http from 'node:http';
import { createRequire } from 'node:module';
import { start, resumeHook } from 'workflow/api';
const require = createRequire(import.meta.url);
const flow = require('./.well-known/workflow/v1/flow.js');
const step = require('./.well-known/workflow/v1/step.js');
const PORT = Number(process.env.PORT || 3000);

async function toRequest(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v != null) headers.set(k, Array.isArray(v) ? v.join(',') : v);
  return { request: new Request(`http://127.0.0.1:${PORT}${req.url}`, { method: req.method, headers, body: ['GET','HEAD'].includes(req.method) ? undefined : body }), body };
}
async function send(res, response) {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(Buffer.from(await response.arrayBuffer()));
}
http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/.well-known/workflow/v1/flow')) {
      const { request } = await toRequest(req); return send(res, await flow[req.method](request));
    }
    if (url.pathname.startsWith('/.well-known/workflow/v1/step')) {
      const { request } = await toRequest(req); return send(res, await step[req.method](request));
    }
    if (url.pathname.startsWith('/start/')) {
      const name = url.pathname.slice(7);
      const { body } = await toRequest(req);
      const args = body.length ? JSON.parse(body.toString()) : [];
      const run = await start({ workflowId: `workflow//./workflows/order//${name}` }, args);
      res.setHeader('content-type', 'application/json'); return res.end(JSON.stringify({ runId: run.runId }));
    }
    if (url.pathname.startsWith('/resume/')) {
      const token = decodeURIComponent(url.pathname.slice(8));
      const { body } = await toRequest(req);
      const hook = await resumeHook(token, JSON.parse(body.toString() || '{}'));
      res.setHeader('content-type', 'application/json'); return res.end(JSON.stringify({ runId: hook.runId }));
    }
    res.statusCode = 404; res.end('not found');
  } catch (e) { console.error(e); res.statusCode = 500; res.end(String(e?.stack || e)); }
}).listen(PORT, '127.0.0.1', () => console.log('workflow host on', PORT));
REPRO_EOF
# web UI wrapper bound to 127.0.0.1 (server.js in the package listens on all interfaces)
cat > serve-web.mjs <<'REPRO_EOF'
// Serve the prebuilt @workflow/web (React Router 7 + Express) bound to 127.0.0.1.
// Mirrors node_modules/@workflow/web/server.js but with an explicit host.
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import express from 'express';
const require = createRequire(import.meta.url);
const webDir = path.dirname(require.resolve('@workflow/web/package.json'));
const buildDir = path.join(webDir, 'build');
const { app } = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href);
const server = express();
server.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
server.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }));
server.use(app);
const port = Number(process.env.WEB_PORT || 3456);
server.listen(port, '127.0.0.1', () => console.log(`@workflow/web on http://127.0.0.1:${port}`));
REPRO_EOF
cat > seed.mjs <<'REPRO_EOF'
// Start N real workflow runs against the local host (server.mjs) with bounded concurrency.
const N = Number(process.argv[2] || 2000);
const CONC = Number(process.argv[3] || 40);
const jobs = [];
for (let i = 0; i < N; i++) {
  const r = i % 20;
  if (r === 0) jobs.push(['brokenFlow', [i]]);
  else if (r === 1) jobs.push(['approvalFlow', [`bulk_${i}`]]);
  else jobs.push(['processOrder', [`ord_bulk_${i}`]]);
}
let next = 0, ok = 0, fail = 0; const t0 = Date.now();
async function worker() {
  while (next < jobs.length) {
    const [name, args] = jobs[next++];
    try { const r = await fetch(`http://127.0.0.1:3000/start/${name}`, { method: 'POST', body: JSON.stringify(args) }); if (r.ok) ok++; else fail++; } catch { fail++; }
  }
}
await Promise.all(Array.from({ length: CONC }, worker));
console.log(JSON.stringify({ started: ok, failed: fail, ms: Date.now() - t0 }));
REPRO_EOF
cat > count.py <<'REPRO_EOF'
import json,os,collections
d='.workflow-data/runs'; c=collections.Counter()
for f in os.listdir(d):
    try: c[json.load(open(os.path.join(d,f))).get('status')]+=1
    except Exception as e: c['err']+=1
print(dict(c))
REPRO_EOF

# --- 3. run real workflows on world-local ------------------------------------------------------------
export WORKFLOW_LOCAL_DATA_DIR="$ROOT/v4/.workflow-data"
PORT=3000 nohup node server.mjs > host.log 2>&1 & echo $! > host.pid
# on a busy machine the app needs more than a few seconds to answer
for i in $(seq 1 120); do curl -s -o /dev/null 127.0.0.1:3000/ && break; sleep 1; done
for i in 1 2 3 4 5 6 7 8; do curl -s -XPOST localhost:3000/start/processOrder -d "[\"ord_$i\"]"; echo; done
for i in 1 2 3; do curl -s -XPOST localhost:3000/start/approvalFlow -d "[\"req_$i\"]"; echo; done
for i in 1 2; do curl -s -XPOST localhost:3000/start/brokenFlow -d "[$i]"; echo; done
sleep 8
curl -s -XPOST localhost:3000/resume/approval-req_1 -d '{"approved":true}'; echo
# cancel one still-waiting approval run via the CLI (pick the newest running approvalFlow)
RUNNING=$(npx workflow inspect runs --json --status running 2>/dev/null | python3 -c "import json,sys; d=json.load(sys.stdin)['data']; print([r['runId'] for r in d if r['workflowName'].endswith('approvalFlow')][0])")
npx workflow cancel "$RUNNING"
npx workflow inspect runs

# --- 4. the web UI (Node 22) -------------------------------------------------------------------------
start_web

# --- 4b. one run of exactly ten steps (the trace compared with a ten-node graph) --------------------
cd "$ROOT/v4"
TEN=$(curl -s -XPOST localhost:3000/start/tenSteps -d '[1]' | python3 -c 'import json,sys; print(json.load(sys.stdin)["runId"])')
echo "$TEN" > "$ROOT/ten-steps.runid"
for i in $(seq 1 150); do
  ST=$(python3 -c "import json,sys; print(json.load(open('.workflow-data/runs/$TEN.json')).get('status'))" 2>/dev/null || echo none)
  [ "$ST" = completed ] && break; sleep 2
done
echo "tenSteps run $TEN: $ST"

# --- 5. about 2,000 runs, then the data set frozen --------------------------------------------------
# world-local slows as its directories grow: on 2 busy cores 1,400 runs took 7 minutes and the next few
# hundred came at 30 a minute, hence the time limit.
SEED_N="${SEED_N:-2000}"; SEED_MAX_S="${SEED_MAX_S:-600}"
"$N22" seed.mjs "$SEED_N" 40 & SEED_PID=$!
( sleep "$SEED_MAX_S"; kill "$SEED_PID" 2>/dev/null ) & WATCH=$!
wait "$SEED_PID" || echo "seeding stopped after ${SEED_MAX_S} s"
kill "$WATCH" 2>/dev/null || true
python3 count.py
kill "$(cat host.pid)"; sleep 2; kill -9 "$(cat host.pid)" 2>/dev/null || true
stop_web
start_web
