// HTTP host for the standalone-built workflows (`npm run build` → .well-known/workflow/v1/*.js).
//
//   GET|POST /.well-known/workflow/v1/flow    the workflow queue handler (the world's queue posts here)
//   POST     /.well-known/workflow/v1/step    the step queue handler
//   GET      /.well-known/workflow/v1/manifest.json
//   POST     /start/<workflowName>            body: JSON array of arguments → { runId }
//   POST     /resume/<hookToken>              body: JSON payload → { runId }
//   GET      /health                          → { ok, world, port, workflows } (503 until the world has started)
//
// The world comes from the environment, as the SDK reads it: WORKFLOW_TARGET_WORLD=local (the default;
// data in WORKFLOW_LOCAL_DATA_DIR, else ./.workflow-data) or @workflow/world-postgres (WORKFLOW_POSTGRES_URL).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundleDir = path.join(here, '.well-known', 'workflow', 'v1');
const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT || 3100);

// Both worlds' queues deliver messages by HTTP to this server: world-local and world-postgres read
// WORKFLOW_LOCAL_BASE_URL first, then PORT (with `localhost`, which may resolve to ::1 while we listen on
// 127.0.0.1). Set both before the world is created.
process.env.PORT = String(PORT);
process.env.WORKFLOW_LOCAL_BASE_URL ||= `http://${HOST}:${PORT}`;
process.env.WORKFLOW_TARGET_WORLD ||= 'local';
const target = process.env.WORKFLOW_TARGET_WORLD;

if (!fs.existsSync(path.join(bundleDir, 'flow.js'))) {
  console.error(`No workflow bundles in ${bundleDir}: run \`npm run build\` first.`);
  process.exit(1);
}

const { createWorld, setWorld } = await import('workflow/runtime');
const { start, resumeHook } = await import('workflow/api');

/** The SDK's createWorld() for `local`; any other target is a module exporting a world factory, resolved from this app. */
async function openWorld() {
  if (target === 'local') return createWorld();
  const mod = await import(target);
  const factory = [mod.default, mod.createWorld].find((f) => typeof f === 'function');
  if (!factory) throw new Error(`${target} exports no world factory (default or createWorld)`);
  return factory();
}

// One world for this process: the bundles (loaded below) and workflow/api find it through setWorld's global.
const world = await openWorld();
setWorld(world);

const require = createRequire(import.meta.url);
const flow = require(path.join(bundleDir, 'flow.js'));
const step = require(path.join(bundleDir, 'step.js'));
const manifestPath = path.join(bundleDir, 'manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));

/** workflow name → workflow id (`workflow//./workflows/orders//processOrder`). */
const workflowIds = new Map();
for (const byName of Object.values(manifest.workflows ?? {})) {
  for (const [name, { workflowId }] of Object.entries(byName)) workflowIds.set(name, workflowId);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function toRequest(req, body) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v != null) headers.set(k, Array.isArray(v) ? v.join(',') : v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://${HOST}:${PORT}${req.url}`, { method: req.method, headers, body: hasBody ? body : undefined });
}

async function send(res, response) {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => {
    res.setHeader(k, v);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

function json(res, status, value) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

function parseJson(body, fallback) {
  if (!body.length) return fallback;
  return JSON.parse(body.toString('utf8'));
}

async function handle(req, res) {
  const { pathname } = new URL(req.url ?? '/', `http://${HOST}`);
  const handlers = { '/.well-known/workflow/v1/flow': flow, '/.well-known/workflow/v1/step': step };
  const bundle = handlers[pathname];
  if (bundle) {
    const fn = bundle[req.method ?? 'GET'];
    if (!fn) return json(res, 405, { error: `${req.method} not allowed` });
    return send(res, await fn(toRequest(req, await readBody(req))));
  }
  if (pathname === '/.well-known/workflow/v1/manifest.json' && req.method === 'GET') {
    res.setHeader('content-type', 'application/json');
    return res.end(fs.readFileSync(manifestPath));
  }
  if (pathname === '/health' && req.method === 'GET') {
    return json(res, ready ? 200 : 503, { ok: ready, world: target, port: PORT, workflows: [...workflowIds.keys()] });
  }
  if (pathname.startsWith('/start/') && req.method === 'POST') {
    const name = decodeURIComponent(pathname.slice('/start/'.length));
    const workflowId = workflowIds.get(name);
    if (!workflowId) return json(res, 404, { error: `unknown workflow ${name}; known: ${[...workflowIds.keys()].join(', ')}` });
    const args = parseJson(await readBody(req), []);
    if (!Array.isArray(args)) return json(res, 400, { error: 'the body must be a JSON array of arguments' });
    const run = await start({ workflowId }, args);
    console.log(`started ${name} ${run.runId}`);
    return json(res, 200, { runId: run.runId });
  }
  if (pathname.startsWith('/resume/') && req.method === 'POST') {
    const token = decodeURIComponent(pathname.slice('/resume/'.length));
    const hook = await resumeHook(token, parseJson(await readBody(req), {}));
    console.log(`resumed hook ${token} of ${hook.runId}`);
    return json(res, 200, { runId: hook.runId });
  }
  return json(res, 404, { error: 'not found' });
}

/** Set once the world has started: /health answers 503 until then. */
let ready = false;

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(`${req.method} ${req.url} failed:`, err);
    if (!res.headersSent) json(res, 500, { error: err instanceof Error ? err.message : String(err) });
    else res.end();
  });
});

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(PORT, HOST, resolve);
});
// world-postgres: migrates graphile-worker and starts its queue worker (the jobs are delivered to this
// server, hence after listen). world-local: creates the data dir and re-enqueues runs left active.
await world.start?.();
ready = true;
console.log(
  `workflow app on http://${HOST}:${PORT} (world: ${target}${target === 'local' ? `, data: ${path.resolve(process.env.WORKFLOW_LOCAL_DATA_DIR || '.workflow-data')}` : ''})`,
);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  const deadline = setTimeout(() => {
    console.error('did not stop within 5 s; exiting');
    process.exit(1);
  }, 5_000);
  deadline.unref();
  try {
    await world.close?.();
  } catch (err) {
    // world-postgres: Graphile Worker handles SIGTERM/SIGINT itself and may have stopped its runner already.
    console.log(`closing the world: ${err instanceof Error ? err.message : String(err)}`);
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
