import { ulid } from 'ulid';
import type { VersionRow } from '@/lib/db/schema';
import { prepareManifest } from '@/lib/domain/manifest';
import { demoManifest, VERSION_PLAN, versionAddress } from './manifests';
import { mixSeed, Rng } from './random';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** How many changes a version row has seen by each state (register, set address, set current, unset, drain, sunset). */
const ROW_VERSIONS = { pending: 1, current: 3, formerlyCurrent: 4, draining: 5, sunset: 6 } as const;

/** A demo version row together with the revision of the code base it serves. */
export interface DemoVersion {
  row: VersionRow;
  rev: number;
}

/** The version registry of the demo, oldest first, deterministic for (seed, anchor). */
export function demoVersions(seed: number, anchor: number): DemoVersion[] {
  const rng = new Rng(mixSeed(seed, 0x7e75));
  const created = VERSION_PLAN.map((p) => Math.floor((anchor - p.createdDaysAgo * DAY_MS) / MINUTE_MS) * MINUTE_MS - rng.int(0, 59) * 1000);
  const currentAt = created[VERSION_PLAN.findIndex((p) => p.isCurrent)] ?? anchor;
  return VERSION_PLAN.map((plan, i) => {
    const createdAt = created[i]!;
    const next = created[i + 1] ?? anchor;
    const manifest = demoManifest(plan.rev);
    let updatedAt: number;
    let rowVersion: number;
    switch (plan.status) {
      case 'pending':
        updatedAt = createdAt;
        rowVersion = ROW_VERSIONS.pending;
        break;
      case 'live':
        updatedAt = plan.isCurrent ? createdAt + 10 * MINUTE_MS : next;
        rowVersion = plan.isCurrent ? ROW_VERSIONS.current : ROW_VERSIONS.formerlyCurrent;
        break;
      case 'draining':
        updatedAt = currentAt + 10 * MINUTE_MS;
        rowVersion = ROW_VERSIONS.draining;
        break;
      case 'sunset':
        updatedAt = Math.min(next + 3 * DAY_MS, anchor);
        rowVersion = ROW_VERSIONS.sunset;
        break;
      default: {
        const never: never = plan.status;
        throw new Error(`unknown version status ${String(never)}`);
      }
    }
    const row: VersionRow = {
      id: `vers_${ulid(createdAt, rng.fn)}`,
      label: `v${plan.rev + 1}`,
      manifest,
      ...prepareManifest(manifest),
      address: plan.status === 'pending' ? null : versionAddress(plan.rev),
      source: { repo: 'github.com/acme/workflows', commit: rng.hex(40), branch: plan.branch },
      status: plan.status,
      isCurrent: plan.isCurrent,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      deletedAt: null,
      rowVersion,
      runSource: 'flowdeck',
      externalKey: null,
    };
    return { row, rev: plan.rev };
  });
}
