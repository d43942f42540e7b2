import { createHook, FatalError, getStepMetadata, getWritable, sleep } from 'workflow';

/**
 * The workflows Flowdeck's tests and README drive. Each one ends in a different state, so a dashboard
 * over these runs shows every case: completed after a retried step, failed, sleeping for days, and
 * waiting on a hook.
 */

export interface Order {
  orderId: string;
  items: { sku: string; quantity: number }[];
  total: number;
}

export interface Decision {
  approved: boolean;
  by?: string;
}

async function fetchOrder(orderId: string): Promise<Order> {
  'use step';
  return {
    orderId,
    items: [
      { sku: 'apple', quantity: 3 },
      { sku: 'pear', quantity: 2 },
    ],
    total: 42,
  };
}

/** Writes a line per item to the run's stream (`getWritable()`): Flowdeck shows them as this step's log. */
async function reserveStock(order: Order): Promise<{ reserved: number }> {
  'use step';
  const progress = getWritable<string>().getWriter();
  for (const item of order.items) await progress.write(`reserved ${item.quantity} × ${item.sku}\n`);
  progress.releaseLock();
  return { reserved: order.items.reduce((sum, item) => sum + item.quantity, 0) };
}

/** Fails its first attempt with a plain (retryable) error; the runtime retries it and the retry succeeds. */
async function chargeCard(order: Order): Promise<{ chargeId: string; amount: number; attempt: number }> {
  'use step';
  const { attempt } = getStepMetadata();
  if (attempt === 1) throw new Error(`card gateway timeout for ${order.orderId}`);
  return { chargeId: `ch_${order.orderId}`, amount: order.total, attempt };
}

async function shipOrder(orderId: string): Promise<{ trackingId: string; shippedAt: Date }> {
  'use step';
  return { trackingId: `TRK-${orderId}`, shippedAt: new Date() };
}

async function sendReceipt(orderId: string, chargeId: string): Promise<{ to: string }> {
  'use step';
  return { to: `customer-${orderId}@example.com (${chargeId})` };
}

export async function processOrder(orderId: string) {
  'use workflow';
  const order = await fetchOrder(orderId);
  const stock = await reserveStock(order);
  const charge = await chargeCard(order);
  const [shipment, receipt] = await Promise.all([shipOrder(orderId), sendReceipt(orderId, charge.chargeId)]);
  return { orderId, reserved: stock.reserved, charge, trackingId: shipment.trackingId, shippedAt: shipment.shippedAt, receipt };
}

async function validatePayment(): Promise<never> {
  'use step';
  throw new FatalError('card declined: insufficient funds');
}

export async function brokenFlow(x: number) {
  'use workflow';
  await fetchOrder(`broken-${x}`);
  await validatePayment();
  return x;
}

async function collectMetrics(day: string): Promise<{ day: string; runs: number }> {
  'use step';
  return { day, runs: day.length * 7 };
}

async function publishReport(metrics: { day: string; runs: number }): Promise<{ url: string }> {
  'use step';
  return { url: `https://reports.example.com/${metrics.day}` };
}

export async function nightlyReport(day: string) {
  'use workflow';
  const metrics = await collectMetrics(day);
  await sleep('3d');
  return await publishReport(metrics);
}

async function recordDecision(requestId: string, decision: Decision): Promise<{ requestId: string; approved: boolean; recordedAt: Date }> {
  'use step';
  return { requestId, approved: decision.approved, recordedAt: new Date() };
}

export async function approvalFlow(requestId: string) {
  'use workflow';
  const hook = createHook<Decision>({ token: `approval-${requestId}` });
  const decision = await hook;
  const { recordedAt } = await recordDecision(requestId, decision);
  return { requestId, approved: decision.approved, by: decision.by ?? null, recordedAt };
}
