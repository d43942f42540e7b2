// Starts N runs (default 1) of each workflow through the host (server.mjs) and prints their ids as JSON:
//   { "processOrder": [runId…], "brokenFlow": […], "nightlyReport": […], "approvalFlow": […],
//     "hookTokens": { runId: "approval-<requestId>" } }
// Usage: node start-runs.mjs [N]   (APP_URL, default http://127.0.0.1:3100)
// Order, day and request ids carry this invocation's timestamp, so repeated calls never share a hook token.
const appUrl = (process.env.APP_URL || 'http://127.0.0.1:3100').replace(/\/+$/, '');
const count = Number(process.argv[2] ?? 1);
if (!Number.isInteger(count) || count < 1) {
  console.error(`usage: node start-runs.mjs [N]  (N a positive integer, got ${process.argv[2]})`);
  process.exit(2);
}

const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function startRun(workflow, args) {
  const res = await fetch(`${appUrl}/start/${workflow}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /start/${workflow} → ${res.status} ${text}`);
  return JSON.parse(text).runId;
}

const out = { processOrder: [], brokenFlow: [], nightlyReport: [], approvalFlow: [], hookTokens: {} };
for (let i = 1; i <= count; i++) {
  out.processOrder.push(await startRun('processOrder', [`ord_${stamp}_${i}`]));
  out.brokenFlow.push(await startRun('brokenFlow', [i]));
  out.nightlyReport.push(await startRun('nightlyReport', [`${new Date().toISOString().slice(0, 10)}_${stamp}_${i}`]));
  const requestId = `req_${stamp}_${i}`;
  const runId = await startRun('approvalFlow', [requestId]);
  out.approvalFlow.push(runId);
  out.hookTokens[runId] = `approval-${requestId}`;
}
console.log(JSON.stringify(out, null, 2));
