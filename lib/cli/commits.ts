import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CommitDetail, CommitListItem } from '@/lib/contract/commits';
import { type ChangeKind, changeKind, COMMIT_ENTITIES as ENTITIES } from '@/lib/domain/commit-format';
import { routes } from '@/lib/routes';
import { ago, clip, kv, print, printJson, table, when, withJson } from './format';
import { api } from './http-client';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

function entitiesOf(c: CommitListItem): string {
  const first = c.entities.slice(0, 2).map((e) => `${e.entity} ${e.id}`);
  return c.changeCount > first.length ? `${first.join(', ')} (+${c.changeCount - first.length} more)` : first.join(', ');
}

const show = (value: unknown): string => clip(value === undefined ? '-' : JSON.stringify(value), 90);

/** Field by field: `status  live → draining` for updates, `+`/`-` for created or deleted entities. */
export function changeLines(before: unknown, after: unknown): string[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const [b, a] = [obj(before), obj(after)];
  if (!b && !a) return [`    ${show(before)} → ${show(after)}`];
  if (!b || !a) {
    const sign = a ? '+' : '-';
    return Object.entries((a ?? b)!).map(([k, v]) => `    ${sign} ${k}: ${show(v)}`);
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return ['    (no field changed)'];
  const width = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => `    ${k.padEnd(width)}  ${show(b[k])} → ${show(a[k])}`);
}

/** How the CLI words each kind of change. */
const CHANGE_WORDS: Record<ChangeKind, string> = { created: 'created', removed: 'deleted', updated: 'changed' };

export function registerCommits(program: Command): void {
  const commits = program.command('commits').description('the audit log of every change made through Flowdeck');

  withJson(
    commits
      .command('list')
      .description('commits, newest first, filtered by entity, id, actor or action')
      .addOption(new Option('--entity <kind>', 'only commits that changed this kind of entity').choices(ENTITIES))
      .option('--id <id>', 'only commits that changed this entity (vers_…, run_…, job_…)')
      .option('--actor <name>', 'only commits by this actor')
      .option('--action <action>', 'only this action, e.g. version.sunset, run.upgrade')
      .option('--limit <n>', 'at most n commits (1–200)', positiveInt, 20)
      .option('--cursor <seq>', 'continue below this sequence number (printed when there are more)', positiveInt),
  ).action(async (o: { entity?: string; id?: string; actor?: string; action?: string; limit: number; cursor?: number; json?: boolean }) => {
    const query = { entity: o.entity, id: o.id, actor: o.actor, action: o.action, limit: o.limit, cursor: o.cursor };
    const page = await api().get<{ items: CommitListItem[]; nextCursor: number | null }>(routes.api.commits(query));
    if (o.json) return printJson(page);
    if (page.items.length === 0) return print('No commits match.');
    print(
      table(
        ['SEQ', 'COMMIT', 'WHEN', 'ACTOR', 'ACTION', 'CHANGED'],
        page.items.map((c) => [String(c.seq), c.id, ago(c.createdAt), c.actor, c.action, entitiesOf(c)]),
      ),
    );
    if (page.nextCursor === null) return;
    const flags = Object.entries({ ...query, cursor: page.nextCursor }).filter(([k, v]) => v !== undefined && !(k === 'limit' && v === 20));
    print(`More: flowdeck commits list ${flags.map(([k, v]) => `--${k} ${String(v)}`).join(' ')}`);
  });

  withJson(commits.command('show').description('one commit with the before and after of every change').argument('<id>', 'commit id (cmt_…)')).action(
    async (id: string, o: { json?: boolean }) => {
      const c = await api().get<CommitDetail>(routes.api.commit(id));
      if (o.json) return printJson(c);
      print(
        kv([
          ['commit', c.id],
          ['seq', c.seq],
          ['parent', c.parentId],
          ['actor', c.actor],
          ['action', c.action],
          ['reason', c.reason ?? undefined],
          ['when', when(c.createdAt)],
        ]),
      );
      for (const ch of c.changes) {
        print(`\n  ${ch.entity} ${ch.id} ${CHANGE_WORDS[changeKind(ch.before, ch.after)]}`);
        print(changeLines(ch.before, ch.after).join('\n'));
      }
    },
  );
}
