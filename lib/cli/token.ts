import { type Command, InvalidArgumentError, Option } from 'commander';
import { ROLE_SUMMARIES, ROLES, type Role } from '@/lib/domain/roles';
import { type CreatedToken, parseDuration, type TokenDto } from '@/lib/domain/tokens';
import { ago, print, printErr, printJson, table, when, withJson } from './format';
import { type TokenBackend, tokenBackend } from './token-backends';

interface JsonOpt {
  json?: boolean;
}

/** `--expires 30d` (m, h, d, w, y) or an ISO date-time. */
function parseExpires(value: string): { expiresIn: string } | { expiresAt: string } {
  if (parseDuration(value) !== null) return { expiresIn: value };
  const at = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(at.getTime())) return { expiresAt: at.toISOString() };
  throw new InvalidArgumentError('a duration such as 30d, 12h, 2w, 1y, or an ISO date-time');
}

async function withBackend<T>(fn: (b: TokenBackend) => Promise<T>): Promise<T> {
  const backend = await tokenBackend();
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}

const expiry = (t: TokenDto) => (t.expiresAt ? when(t.expiresAt) : 'never');

function tokenTable(items: TokenDto[]): string {
  return table(
    ['ID', 'NAME', 'ROLE', 'STATE', 'CREATED', 'LAST USED', 'EXPIRES'],
    items.map((t) => [t.id, t.name, t.role, t.state, ago(t.createdAt), ago(t.lastUsedAt), t.expiresAt ? ago(t.expiresAt) : 'never']),
  );
}

/** The secret alone on stdout (so `$(flowdeck token create …)` captures it); everything else on stderr. */
function printCreated({ token, secret }: CreatedToken, where: string, json: boolean): void {
  printErr(`flowdeck: created token ${token.name} (${token.id}) with role ${token.role}, expires ${expiry(token)}, in ${where}.`);
  printErr('flowdeck: the secret is shown only this once: store it now (Flowdeck keeps only its hash).');
  if (json) printJson({ token, secret });
  else print(secret);
  printErr(`flowdeck: use it as "Authorization: Bearer <secret>", FLOWDECK_TOKEN=<secret> for the CLI, or sign in to the dashboard with it.`);
}

/** `flowdeck token create | list | revoke`: through the API when FLOWDECK_URL is set, else directly on the store. */
export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description('API tokens (through the API when FLOWDECK_URL is set; otherwise directly on the store, e.g. for the first admin)')
    .addHelpText(
      'after',
      `
Roles:
${ROLES.map((r) => `  ${r.padEnd(9)} ${ROLE_SUMMARIES[r]}`).join('\n')}

Without FLOWDECK_URL, token commands open the store itself (FLOWDECK_DATA_DIR or DATABASE_URL); stop a server
that uses the embedded store first. The first admin token is made this way:
  npx flowdeck token create --name admin --role admin`,
    );

  withJson(
    token
      .command('create')
      .description('create a token; prints its secret once')
      .requiredOption('--name <name>', 'the token name, recorded as the actor of every commit made with it')
      .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
      .option('--expires <when>', 'a duration (30d, 12h, 2w, 1y) or an ISO date-time (default: never)', parseExpires),
  ).action(async (o: JsonOpt & { name: string; role: Role; expires?: { expiresIn: string } | { expiresAt: string } }) => {
    await withBackend(async (b) => printCreated(await b.create({ name: o.name, role: o.role, ...o.expires }), b.where, Boolean(o.json)));
  });

  withJson(token.command('list').description('every token with its state and last use (never the secrets)')).action(async (o: JsonOpt) => {
    await withBackend(async (b) => {
      const items = await b.list();
      if (o.json) return printJson({ items });
      print(items.length === 0 ? 'No tokens yet. Create the first admin: flowdeck token create --name admin --role admin' : tokenTable(items));
    });
  });

  withJson(
    token
      .command('revoke')
      .description('revoke a token: requests and dashboard sessions with it are refused from now on')
      .argument('<id>', 'token id (tok_…) or name'),
  ).action(async (idOrName: string, o: JsonOpt) => {
    await withBackend(async (b) => {
      const { token: t, changed } = await b.revoke(idOrName);
      if (o.json) return printJson(t);
      print(changed ? `Revoked token ${t.name} (${t.id}).` : `Token ${t.name} (${t.id}) was already revoked ${when(t.revokedAt)}.`);
    });
  });
}
