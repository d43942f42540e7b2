// Log viewer benchmark: `npx tsx bench/log-viewer.ts [--lines 100000] [--samples 10] [--out bench/results/log-viewer.json]`.
// Starts Flowdeck in production (`flowdeck start`, a fresh data dir, no demo), seeds through the HTTP API one run
// whose step printed --lines lines (about 70 bytes each, some coloured, some on stderr, in batches of 10,000 as a
// runner sends them), then in headless Chromium times, per fresh page: navigation start → the first lines of the
// log drawn in the run's Logs tab (and, for reference, → the run page's heading); → every line loaded (the last line is then one keypress away); → the last line
// drawn after End. Then scrolls the whole log in steps of a screen per frame and records the frame times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { Command, InvalidArgumentError } from 'commander';
import { routes } from '@/lib/routes';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';
import { percentile, ROOT, startServer } from './lib';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const opts = new Command('log-viewer')
  .option('--lines <n>', 'lines of the log', int, 100_000)
  .option('--samples <n>', 'page loads timed, after the warm-up', int, 10)
  .option('--warmup <n>', 'unrecorded loads first', int, 2)
  .option('--port <n>', "Flowdeck's port", int, 3214)
  .option('--out <file>', 'where to write the JSON', path.join(ROOT, 'bench/results/log-viewer.json'))
  .parse()
  .opts<{ lines: number; samples: number; warmup: number; port: number; out: string }>();

const round = (n: number) => Math.round(n * 10) / 10;
const stats = (xs: number[]) => ({ n: xs.length, median: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });
const ESC = '\u001b';

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

async function seed(base: string, lines: number): Promise<string> {
  const version = (await post(`${base}${routes.api.versions()}`, {
    manifest: { workflows: { 'bench-logs': { input: { type: 'object' }, steps: [{ id: 'big', run: 'seq 100000' }] } } },
    label: 'bench-logs',
    address: 'https://bench.example/logs',
  })) as { id: string };
  const run = (await post(`${base}${routes.api.runs()}`, { workflow: 'bench-logs', versionId: version.id, groupPath: 'bench/logs', input: {} })) as {
    id: string;
  };
  const t0 = Date.now() - 60 * 60_000;
  await post(`${base}${routes.api.runEvents(run.id)}`, {
    events: [
      { type: 'run_started', at: new Date(t0).toISOString() },
      { type: 'node_started', nodeId: 'big', at: new Date(t0 + 1000).toISOString() },
      { type: 'node_succeeded', nodeId: 'big', at: new Date(t0 + 600_000).toISOString() },
    ],
  });
  const BATCH = 10_000;
  for (let seq = 0; seq * BATCH < lines; seq++) {
    const batch = Array.from({ length: Math.min(BATCH, lines - seq * BATCH) }, (_, i) => {
      const n = seq * BATCH + i + 1;
      const text =
        n % 97 === 0
          ? `${ESC}[33mwarn${ESC}[0m line ${n}: cache miss for module-${n % 1000}, rebuilding`
          : `line ${n}: compiled src/module-${n % 1000}.ts in ${n % 90} ms (ok)`;
      return { ts: new Date(t0 + 1000 + n).toISOString(), stream: n % 211 === 0 ? 'stderr' : 'stdout', text };
    });
    await post(`${base}${routes.api.runNodeLogs(run.id, 'big')}`, { attempt: 1, seq, lines: batch, end: seq * BATCH + BATCH >= lines });
  }
  return run.id;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-log-viewer-'));
console.log(`starting Flowdeck (data in ${tmp})…`);
const server = await startServer({ FLOWDECK_DATA_DIR: path.join(tmp, 'db') }, opts.port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  console.log(`seeding a step log of ${opts.lines.toLocaleString('en-US')} lines…`);
  const runId = await seed(server.url, opts.lines);
  const url = `${server.url}${routes.run(runId, { tab: 'logs', node: 'big' })}`;
  const samples: { heading: number; firstLines: number; allLoaded: number; lastLine: number }[] = [];
  let frames: number[] = [];
  for (let i = 0; i < opts.warmup + opts.samples; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Marks recorded in the page itself, every animation frame from the first: performance.now() (ms since
    // navigation start) of the first frame in which each thing is on screen.
    await ctx.addInitScript(`(() => {
      const marks = (window.__marks = {});
      const checks = {
        heading: () => document.querySelector('h1')?.textContent === 'bench-logs',
        firstLines: () => document.querySelector('[data-testid="log-line"][data-n="1"]')?.textContent.includes('line 1:'),
        allLoaded: () => {
          const l = document.querySelector('[data-testid="log-lines"]');
          return l && l.dataset.total === '${opts.lines}' && l.dataset.loaded === l.dataset.total;
        },
      };
      const tick = () => {
        for (const [k, f] of Object.entries(checks)) if (marks[k] === undefined && f()) marks[k] = performance.now();
        if (Object.keys(marks).length < 3) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const at = (predicate: string) =>
      page.waitForFunction(`(() => { if (!(${predicate})) return false; return performance.now(); })()`, undefined, { polling: 'raf', timeout: 60_000 });
    const marks = (await (
      await page.waitForFunction('window.__marks.allLoaded !== undefined && window.__marks', undefined, { timeout: 60_000 })
    ).jsonValue()) as Record<'heading' | 'firstLines' | 'allLoaded', number>;
    const { heading, firstLines, allLoaded } = marks;
    await page.getByTestId('log-lines').focus();
    const pressed = Number(await page.evaluate(() => performance.now()));
    await page.keyboard.press('End');
    const lastLine =
      Number(
        await (await at(`document.querySelector('[data-testid="log-line"][data-n="${opts.lines}"]')?.textContent.includes('line ${opts.lines}')`)).jsonValue(),
      ) - pressed;
    if (i >= opts.warmup) {
      samples.push({ heading, firstLines, allLoaded, lastLine });
      console.log(
        `  sample ${i - opts.warmup + 1}: first lines ${Math.round(firstLines)} ms, all loaded ${Math.round(allLoaded)} ms, End → last line ${Math.round(lastLine)} ms`,
      );
    }
    if (i === opts.warmup + opts.samples - 1) {
      // Scroll from the end to the top a screen per frame, recording each frame's time.
      // A string, not a function: the page must not see the helpers tsx compiles functions with.
      frames = (await page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="log-lines"]');
        const out = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          out.push(now - last);
          last = now;
          el.scrollTop -= el.clientHeight;
          if (el.scrollTop > 0 && out.length < 600) requestAnimationFrame(step);
          else resolve(out.slice(1));
        };
        requestAnimationFrame(step);
      })`)) as number[];
    }
    await ctx.close();
  }
  const result = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, load: os.loadavg() },
    lines: opts.lines,
    headingMs: stats(samples.map((s) => s.heading)),
    firstLinesMs: stats(samples.map((s) => s.firstLines)),
    allLoadedMs: stats(samples.map((s) => s.allLoaded)),
    endToLastLineMs: stats(samples.map((s) => s.lastLine)),
    scrollFrameMs: { frames: frames.length, ...stats(frames) },
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
