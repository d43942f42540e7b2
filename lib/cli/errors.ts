import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ApiError } from '@/lib/api/fetch-json';
import type { DrainReport } from '@/lib/domain/drain';
import type { UpgradeReport } from '@/lib/domain/upgrade';
import { env } from '@/lib/env';
import { kv } from './format';
import { CliError, EXIT } from './http-client';
import { upgradeReport } from './render-upgrade';
import { drainBreakdown } from './render-version';

function tokenIsSet(): boolean {
  try {
    return Boolean(env().FLOWDECK_TOKEN);
  } catch {
    return false;
  }
}

/** Field errors of a 400 as `  field: message` lines. */
function fieldLines(fields: unknown): string[] {
  if (!fields || typeof fields !== 'object' || Object.keys(fields).length < 2) return []; // one field is the message already
  return Object.entries(fields as Record<string, string[]>).map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join('; ') : String(v)}`);
}

/** What to tell the operator about an API error: the server's message and code, then its structured details. */
export function describeApiError(err: ApiError): string {
  const d = err.details;
  const lines: string[] = [];
  if (err.code === 'conflict' && typeof d.expected === 'number' && typeof d.actual === 'number') {
    lines.push(
      `flowdeck: conflict: ${String(d.entity)} ${String(d.id)} changed since it was read: expected row version ${d.expected}, it is now at ${d.actual}.`,
      '  Nothing was written. Check what changed (flowdeck commits list --id …) and run the command again.',
    );
    return lines.join('\n');
  }
  lines.push(`flowdeck: ${err.message} (${err.code}, HTTP ${err.status})`);
  if (err.code === 'version_has_active_runs' && d.counts) {
    const id = String(d.versionId ?? 'ID');
    lines.push('Active runs on the version:', drainBreakdown(d as unknown as DrainReport));
    lines.push(
      'To retire it anyway:',
      kv([
        ['  stop new runs, sunset when the last ends', `flowdeck version drain ${id}`],
        ['  or move the active runs first', `flowdeck upgrade-all ${id} --to VERSION --strategy STRATEGY`],
        ['  or sunset now, flagging them stranded', `flowdeck version sunset ${id} --force --reason "…"`],
      ]),
    );
  }
  if (err.status === 401) {
    lines.push(
      tokenIsSet()
        ? '  FLOWDECK_TOKEN was refused: check it, or ask an admin for a new one (flowdeck token create).'
        : '  This server requires a token: set FLOWDECK_TOKEN (an admin makes one with: flowdeck token create --name NAME --role ROLE).',
    );
  }
  if (err.code === 'forbidden' && typeof d.required === 'string') lines.push(`  Use a token with the ${d.required} role.`);
  if (err.code === 'incompatible' && d.report) lines.push('Compatibility report:', upgradeReport(d.report as UpgradeReport));
  lines.push(...fieldLines(d.fields));
  if (Array.isArray(d.problems) && d.problems.length > 1) lines.push(...d.problems.map((p) => `  - ${String(p)}`));
  return lines.join('\n');
}

/** Reports any failure on stderr (and the error body on stdout with --json); returns the exit code. */
export function reportError(err: unknown, json: boolean): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander printed it already
  if (err instanceof ApiError) {
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message, ...err.details } }, null, 2)}\n`);
    process.stderr.write(`${describeApiError(err)}\n`);
    return EXIT.refused;
  }
  if (err instanceof CliError) {
    process.stderr.write(`flowdeck: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    process.stderr.write(`flowdeck: invalid environment: ${first ? `${first.path.join('.')}: ${first.message}` : err.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`flowdeck: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.refused;
}
