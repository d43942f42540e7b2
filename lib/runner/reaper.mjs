// The runner's reaper: a tiny process that outlives a runner killed without warning (kill -9, OOM) and
// then kills the process groups of the steps it was running, so no orphaned step finishes unobserved.
// Protocol on stdin, one line each: `+PGID` (a step started), `-PGID` (it ended). At end of input — the
// runner is gone, gracefully or not — every group still listed gets SIGKILL.
const groups = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
    const line = pending.slice(0, i);
    pending = pending.slice(i + 1);
    const pgid = Number(line.slice(1));
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    if (line[0] === '+') groups.add(pgid);
    else if (line[0] === '-') groups.delete(pgid);
  }
});
process.stdin.on('end', () => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
});
