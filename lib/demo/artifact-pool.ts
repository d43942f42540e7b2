import { buildManifest, type ManifestEntry } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import type { VersionManifest } from '@/lib/domain/manifest';
import { hashString, mixSeed, Rng } from './random';

/** One blob of the demo: bytes and their content address. */
export interface DemoBlob {
  digest: string;
  size: number;
  bytes: Uint8Array;
}

/** One artifact manifest of the demo, as the `manifests` table stores it. */
export interface DemoManifest {
  digest: string;
  entries: ManifestEntry[];
  fileCount: number;
  totalSize: number;
}

export interface ArtifactPool {
  blobs: DemoBlob[];
  manifests: DemoManifest[];
  /** Manifest digests a producer step publishes, most frequent first; undefined for a step that publishes nothing. */
  variants(workflow: string, stepId: string): readonly string[] | undefined;
}

/** How often each variant of a producer's output is published: the same bytes recur across many runs. */
export const VARIANT_WEIGHTS = [0.4, 0.22, 0.14, 0.1, 0.08, 0.06] as const;

const encoder = new TextEncoder();

function lines(count: number, line: (i: number) => string): string {
  return `${Array.from({ length: count }, (_, i) => line(i)).join('\n')}\n`;
}

const BUILD_STEPS = ['RUN make deps', 'COPY . /src', 'RUN go build ./...', 'transforming modules', 'writing image', 'exporting layers', 'resolving provenance'];
const TARBALL = [
  'bin/flowctl',
  'README.md',
  'LICENSE',
  'completions/flowctl.bash',
  'completions/_flowctl',
  'man/flowctl.1',
  'share/schema.json',
  'CHANGELOG.md',
  'NOTICE',
];
const CHANGES = ['retry uploads on 503', 'faster manifest hashing', 'new --json flag', 'clearer errors for missing secrets', 'stream logs while waiting'];
const SOURCES = ['api', 'db', 'ui', 'jobs', 'auth', 'util'];
const MODELS = ['stg_orders', 'stg_customers', 'stg_payments', 'fct_revenue', 'dim_customer', 'fct_refunds', 'mart_finance', 'agg_daily'];
const PLATFORMS = ['linux_amd64', 'darwin_arm64', 'windows_amd64'];
const LICENSE = 'MIT License\n\nCopyright (c) 2024 Acme Corp\n\nPermission is hereby granted, free of charge, to any person obtaining a copy…\n';

/** Fields of the small JSON reports, by file name. */
function reportFields(name: string, rng: Rng): Record<string, unknown> {
  switch (name) {
    case 'trivy.json':
      return { Results: [{ Target: 'app', Vulnerabilities: rng.int(0, 3), Severity: { HIGH: rng.int(0, 2), CRITICAL: 0 } }] };
    case 'coverage-summary.json':
      return { total: { lines: { pct: rng.int(780, 920) / 10 }, branches: { pct: rng.int(650, 850) / 10 } } };
    case 'metrics.json':
      return { auc: rng.int(880, 960) / 1000, logloss: rng.int(180, 320) / 1000, holdoutRows: rng.int(50_000, 90_000) };
    case 'run_results.json':
      return { results: rng.int(40, 60), errors: 0, elapsed: rng.int(300, 900) };
    case 'etl-summary.json':
      return { rowsLoaded: rng.int(100_000, 900_000), reconciled: true };
    default:
      return {};
  }
}

/** Small, realistic text for a file at `path`; each `variant` has different content. */
function fileText(path: string, variant: number, rng: Rng): string {
  const name = path.split('/').pop() ?? path;
  const sha = rng.hex(40);
  if (name === 'LICENSE.txt') return LICENSE;
  if (name.endsWith('.log')) {
    const log = lines(rng.int(8, 16), (i) => `#${i + 1} [${(i * 0.7 + rng.next()).toFixed(1)}s] ${rng.pick(BUILD_STEPS)}`);
    return `${log}build ${sha.slice(0, 12)} finished in ${rng.int(40, 400)}s\n`;
  }
  if (name === 'image.txt') return `registry.example.internal/app@sha256:${rng.hex(64)}\nplatforms: linux/amd64,linux/arm64\n`;
  if (name === 'checksums.txt') return lines(3, (i) => `${rng.hex(64)}  flowctl_3.${variant}.0_${PLATFORMS[i]}.tar.gz`);
  if (name === 'contents.txt') {
    return lines(rng.int(5, 9), (i) => `-rw-r--r-- build/build ${rng.int(512, 2_000_000)} 2024-05-0${i + 1} 12:00 flowctl/${TARBALL[i]}`);
  }
  if (name.endsWith('.sig')) return `${Buffer.from(rng.hex(96), 'hex').toString('base64')}\n`;
  if (name === 'CHANGELOG.md') {
    const entries = lines(rng.int(3, 6), () => `- ${rng.pick(['fix', 'feat', 'perf', 'docs'])}: ${rng.pick(CHANGES)} (#${rng.int(100, 999)})`);
    return `## v3.${variant}.0\n\n${entries}`;
  }
  if (name === 'lcov.info') {
    return lines(rng.int(3, 6), (i) => `TN:\nSF:src/${SOURCES[i]}.ts\nLF:${rng.int(80, 400)}\nLH:${rng.int(60, 80)}\nend_of_record`);
  }
  if (name === 'index.html') {
    const script = `<script type="module" src="/assets/app-${sha.slice(0, 8)}.js"></script>`;
    return `<!doctype html><html><head>${script}</head><body><div id="root"></div></body></html>\n`;
  }
  if (name.endsWith('.js')) return `import{h as e}from"./vendor.js";export const build="${sha.slice(0, 12)}";e(${rng.int(1, 99)});\n`;
  if (name === 'manifest-summary.txt') return lines(rng.int(4, 8), (i) => `model.acme.${MODELS[i]} OK`);
  return `${JSON.stringify({ variant, generatedBy: 'flowdeck-demo', commit: sha, ...reportFields(name, rng) }, null, 2)}\n`;
}

/** The files an output path stands for: a directory (trailing `/`) holds a few files. */
function filesOf(output: string): string[] {
  if (!output.endsWith('/')) return [output];
  return [`${output}index.html`, `${output}assets/app.js`, `${output}LICENSE.txt`];
}

/**
 * Deterministic blobs and manifests for every producer step (a step with `outputs`) of the given manifests:
 * a handful of variants per step, so the same digests are reused across many runs.
 */
export function buildArtifactPool(seed: number, manifests: readonly VersionManifest[]): ArtifactPool {
  const blobs = new Map<string, DemoBlob>();
  const pool = new Map<string, DemoManifest>();
  const variantsByStep = new Map<string, string[]>();
  for (const manifest of manifests) {
    for (const [workflow, definition] of Object.entries(manifest.workflows)) {
      for (const step of definition.steps) {
        const key = `${workflow}/${step.id}`;
        if (!step.outputs || variantsByStep.has(key)) continue;
        const digests = VARIANT_WEIGHTS.map((_, variant) => {
          const entries = step.outputs!.flatMap(filesOf).map((path) => {
            const stable = path.endsWith('LICENSE.txt');
            const rng = new Rng(mixSeed(seed, hashString(`${key}/${path}`), stable ? 0 : variant + 1));
            const bytes = encoder.encode(fileText(path, variant, rng));
            const digest = sha256Digest(bytes);
            if (!blobs.has(digest)) blobs.set(digest, { digest, size: bytes.byteLength, bytes });
            return { path, digest, size: bytes.byteLength };
          });
          const built = buildManifest(entries);
          const totalSize = built.entries.reduce((sum, e) => sum + e.size, 0);
          pool.set(built.digest, { digest: built.digest, entries: built.entries, fileCount: built.entries.length, totalSize });
          return built.digest;
        });
        variantsByStep.set(key, digests);
      }
    }
  }
  return {
    blobs: [...blobs.values()],
    manifests: [...pool.values()],
    variants: (workflow, stepId) => variantsByStep.get(`${workflow}/${stepId}`),
  };
}
