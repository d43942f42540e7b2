import type { ClaimedAction } from '@/lib/contract/engine-import';

/** Where the connector reaches the app's world to act on it. */
export interface WorldTarget {
  world: 'local' | 'postgres';
  dataDir?: string;
  databaseUrl?: string;
  /** The app's URL: the world's queue delivers the woken or new run there. */
  appUrl?: string;
}

export interface ActionOutcome {
  ok: boolean;
  error?: string;
  /** restart: the run the engine started. */
  newExternalId?: string;
}

/** The SDK's world, opened the way the SDK opens it, plus a close that lets the process exit. */
interface OpenWorld {
  world: import('@workflow/world').World;
  close(): Promise<void>;
}

async function openWorld(target: WorldTarget): Promise<OpenWorld> {
  // The world's queue posts the run it wakes or starts to the app: tell it where the app is.
  if (target.appUrl) process.env.WORKFLOW_LOCAL_BASE_URL = target.appUrl;
  if (target.world === 'local') {
    const { createLocalWorld } = await import('@workflow/world-local');
    const world = createLocalWorld({ dataDir: target.dataDir ?? '.workflow-data', ...(target.appUrl ? { baseUrl: target.appUrl } : {}) });
    return { world, close: async () => (world as { close?: () => Promise<void> }).close?.() };
  }
  const { createWorld } = await import('@workflow/world-postgres');
  const world = createWorld({ connectionString: target.databaseUrl ?? '' });
  return { world, close: async () => world.close?.() };
}

const message = (err: unknown) => {
  const e = err as { message?: string; cause?: { message?: string } };
  const text = e?.cause?.message && !String(e.message).includes(e.cause.message) ? `${e.message}: ${e.cause.message}` : (e?.message ?? String(err));
  return text.slice(0, 4000);
};

/**
 * Carries out operator actions on a Workflow SDK app through the SDK's own runtime helpers (never by
 * editing its files or rows): cancel → `cancelRun`; deliver a hook → `resumeHook`; restart on another
 * deployment → `recreateRunFromExisting` (the way @workflow/web replays a run), then `cancelRun` of the old
 * run (Flowdeck's restart is cancel-and-restart).
 */
export class WorkflowActor {
  private opened: Promise<OpenWorld> | null = null;

  constructor(private readonly target: WorldTarget) {}

  private world(): Promise<OpenWorld> {
    this.opened ??= openWorld(this.target);
    return this.opened;
  }

  async perform(action: ClaimedAction): Promise<ActionOutcome> {
    try {
      const { world } = await this.world();
      const runtime = await import('@workflow/core/runtime');
      switch (action.kind) {
        case 'cancel': {
          const run = await world.runs.get(action.externalRunId, { resolveData: 'none' });
          if (run.status === 'cancelled') return { ok: true };
          if (run.status === 'completed' || run.status === 'failed') return { ok: false, error: `the run already ${run.status} in the app` };
          await runtime.cancelRun(world, action.externalRunId);
          return { ok: true };
        }
        case 'deliver_hook': {
          runtime.setWorld(world);
          await runtime.resumeHook(String(action.payload.token), action.payload.payload ?? null);
          return { ok: true };
        }
        case 'restart': {
          const deploymentId = String(action.payload.deploymentId ?? '');
          const newRunId = await runtime.recreateRunFromExisting(world, action.externalRunId, deploymentId ? { deploymentId } : {});
          await runtime.cancelRun(world, action.externalRunId).catch(() => undefined);
          return { ok: true, newExternalId: newRunId };
        }
        default: {
          const never: never = action.kind;
          return { ok: false, error: `unknown action ${String(never)}` };
        }
      }
    } catch (err) {
      return { ok: false, error: message(err) };
    }
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close().catch(() => undefined);
  }
}
