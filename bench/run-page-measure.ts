// In-browser measurements of the run-page benchmark: navigation start → the view drawn, and the bytes a
// page load transfers. One detector for both products (the one of shared/peers/side-by-side.mjs, with a
// box to count in): it polls once per animation frame and stamps performance.now() — milliseconds since
// navigation start — at the first frame in which at least `min` matching elements are rendered visible
// inside the box.
import zlib from 'node:zlib';
import type { BrowserContext, Page, Request } from '@playwright/test';

export interface Target {
  /** Elements that make up the view: graph nodes, trace spans. */
  sel: string;
  /** Elements count only inside this element's box (clipped to the window); the window when absent. */
  box?: string;
  /** An attribute selector the page sets once it considers itself drawn (read, not waited on, by the detector). */
  mark?: string;
}

/** The detector, as source: tsx's helpers must not reach the page. */
const DETECTOR = `(({ sel, box, min }) => {
  const st = (window.__drawn = { visAt: null, count: 0 });
  const tick = () => {
    if (st.visAt != null) return;
    let top = 0, left = 0, bottom = innerHeight, right = innerWidth;
    if (box) {
      const c = document.querySelector(box);
      if (!c) return void requestAnimationFrame(tick);
      const r = c.getBoundingClientRect();
      top = Math.max(top, r.top); left = Math.max(left, r.left); bottom = Math.min(bottom, r.bottom); right = Math.min(right, r.right);
    }
    let n = 0;
    for (const e of document.querySelectorAll(sel)) {
      const r = e.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      if (r.bottom <= top || r.top >= bottom || r.right <= left || r.left >= right) continue;
      if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      n++;
    }
    if (n > 0 && n >= min) { st.visAt = performance.now(); st.count = n; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** How many elements of `target` are drawn in its box once the page has settled (`settleMs` after the first). */
export async function settledCount(ctx: BrowserContext, url: string, target: Target, settleMs = 3_000): Promise<{ inView: number; total: number }> {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector(target.mark ?? target.sel, { timeout: 120_000 });
    await page.waitForTimeout(settleMs);
    await page.evaluate(`${DETECTOR}(${JSON.stringify({ ...target, min: 1 })})`);
    await page.waitForFunction('window.__drawn && window.__drawn.visAt != null', undefined, { timeout: 10_000 });
    return await page.evaluate(`({ inView: window.__drawn.count, total: document.querySelectorAll(${JSON.stringify(target.sel)}).length })`);
  } finally {
    await page.close();
  }
}

export interface Sample {
  /** Navigation start → every element of the first view drawn (the figure). */
  ms: number;
  ttfbMs: number;
  dclMs: number;
  /** Flowdeck's own marks (`data-*` of the graph), once the detector fired. */
  mark?: Record<string, string>;
}

/** Loads `url` in a fresh tab of `ctx` (warm: the context keeps its cache) and times it to drawn. */
export async function sample(ctx: BrowserContext, url: string, target: Target, min: number): Promise<Sample> {
  const page = await ctx.newPage();
  try {
    await page.addInitScript(`${DETECTOR}(${JSON.stringify({ ...target, min })})`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction('window.__drawn && window.__drawn.visAt != null', undefined, { timeout: 120_000, polling: 50 });
    const nav = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { visAt: window.__drawn.visAt, ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd };
    })()`)) as { visAt: number; ttfb: number; dcl: number };
    const mark = target.mark ? await readMark(page, target.mark) : undefined;
    return { ms: round(nav.visAt), ttfbMs: round(nav.ttfb), dclMs: round(nav.dcl), ...(mark ? { mark } : {}) };
  } finally {
    await page.close();
  }
}

async function readMark(page: Page, mark: string): Promise<Record<string, string>> {
  const el = page.locator(mark);
  await el.waitFor({ timeout: 120_000 });
  return el.evaluate((e) => ({ ...(e as HTMLElement).dataset }) as Record<string, string>);
}

export interface Transfer {
  scripts: number;
  /** Script bodies as transferred (compressed where the server compresses), the layout worker's included. */
  jsWire: number;
  /** Script bytes decoded, and gzip -6 of them (a like-for-like figure when one server does not compress). */
  jsRaw: number;
  jsGzip: number;
  /** The HTML document, transferred and decoded (Flowdeck's carries the run's first data). */
  docWire: number;
  docRaw: number;
}

/**
 * A cold load (a fresh context has an empty cache): what the page transfers until drawn, plus `lateMs` for
 * lazy chunks. Counted from the context's requests, which include a worker's (the page's own network
 * domain does not see them).
 */
export async function transfer(newContext: () => Promise<BrowserContext>, url: string, target: Target, lateMs = 3_000): Promise<Transfer> {
  const ctx = await newContext();
  try {
    const out: Transfer = { scripts: 0, jsWire: 0, jsRaw: 0, jsGzip: 0, docWire: 0, docRaw: 0 };
    const pending: Promise<void>[] = [];
    const count = async (req: Request) => {
      const res = await req.response();
      if (!res) return;
      const doc = req.resourceType() === 'document';
      if (!doc && !/javascript|ecmascript/.test((await res.headerValue('content-type')) ?? '')) return;
      const wire = (await req.sizes()).responseBodySize;
      const body = await res.body().catch(() => null);
      if (doc) {
        out.docWire += wire;
        out.docRaw += body?.length ?? 0;
        return;
      }
      out.scripts += 1;
      out.jsWire += wire;
      out.jsRaw += body?.length ?? 0;
      out.jsGzip += body ? zlib.gzipSync(body, { level: 6 }).length : 0;
    };
    ctx.on('requestfinished', (req) => void pending.push(count(req)));
    const page = await ctx.newPage();
    await page.addInitScript(`${DETECTOR}(${JSON.stringify({ ...target, min: 1 })})`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction('window.__drawn && window.__drawn.visAt != null', undefined, { timeout: 120_000 });
    await page.waitForTimeout(lateMs);
    await Promise.all(pending);
    return out;
  } finally {
    await ctx.close();
  }
}

export const round = (n: number) => Math.round(n * 10) / 10;
