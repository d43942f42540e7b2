import path from 'node:path';
import { isId } from '@/lib/domain/ids';
import type { CreatedToken, CreateTokenInput, TokenDto } from '@/lib/domain/tokens';
import { env } from '@/lib/env';
import { routes } from '@/lib/routes';
import { api, CliError, EXIT } from './http-client';

/** Where `flowdeck token` works: the API of a running server, or the store itself. */
export interface TokenBackend {
  /** For messages: `http://…` or `the store at …`. */
  where: string;
  create(input: CreateTokenInput): Promise<CreatedToken>;
  list(): Promise<TokenDto[]>;
  /** By id (tok_…) or name; `changed` is false when it was revoked already. */
  revoke(idOrName: string): Promise<{ token: TokenDto; changed: boolean }>;
  close(): Promise<void>;
}

const noSuchToken = (idOrName: string) => new CliError(`no token ${idOrName} (give its id, tok_…, or its name; see flowdeck token list)`, EXIT.refused);

function apiBackend(): TokenBackend {
  const client = api();
  const list = async () => (await client.get<{ items: TokenDto[] }>(routes.api.tokens())).items;
  return {
    where: client.baseUrl,
    create: (input) => client.send<CreatedToken>('POST', routes.api.tokens(), input),
    list,
    async revoke(idOrName) {
      const id = isId(idOrName, 'tok') ? idOrName : (await list()).find((t) => t.name === idOrName)?.id;
      if (!id) throw noSuchToken(idOrName);
      const before = await client.get<TokenDto>(routes.api.token(id));
      await client.send('DELETE', routes.api.token(id));
      return { token: await client.get<TokenDto>(routes.api.token(id)), changed: before.state !== 'revoked' };
    },
    close: async () => {},
  };
}

/** Directly on the store (the server stopped, or PostgreSQL): what bootstraps the first admin token. */
async function storeBackend(): Promise<TokenBackend> {
  const e = env();
  // Loaded here: the store is heavy, and the API path does not need it.
  const [{ openDb }, { StoreLockedError }, control, queries] = await Promise.all([
    import('@/lib/db/open'),
    import('@/lib/db/lock'),
    import('@/lib/control/tokens'),
    import('@/lib/db/queries/tokens'),
  ]);
  let store: Awaited<ReturnType<typeof openDb>>;
  try {
    store = await openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.dataDir, migrationsDir: path.join(e.root, 'drizzle') });
  } catch (err) {
    if (err instanceof StoreLockedError) {
      throw new CliError(
        `the embedded store ${e.dataDir} is in use by another process (pid ${err.holderPid}), most likely the running server.\n` +
          '  Stop the server to manage tokens directly on the store, or go through its API:\n' +
          '  FLOWDECK_URL=http://HOST:PORT FLOWDECK_TOKEN=<an admin token> npx flowdeck token …\n' +
          '  (FLOWDECK_TOKEN is not needed when the server runs with authentication off, on loopback)',
        EXIT.refused,
      );
    }
    throw err;
  }
  const { db } = store;
  // Commits made here are by `local`: someone with direct access to the store.
  const ACTOR = 'local';
  return {
    where: e.DATABASE_URL ? 'the PostgreSQL store (DATABASE_URL)' : `the store at ${e.dataDir}`,
    create: (input) => control.createToken(db, ACTOR, input),
    list: () => queries.listTokens(db),
    async revoke(idOrName) {
      const all = await queries.listTokens(db);
      const found = all.find((t) => t.id === idOrName || t.name === idOrName);
      if (!found) throw noSuchToken(idOrName);
      return control.revokeToken(db, ACTOR, found.id);
    },
    close: () => store.close(),
  };
}

/** The API when FLOWDECK_URL is set, else the store (FLOWDECK_DATA_DIR or DATABASE_URL). */
export async function tokenBackend(): Promise<TokenBackend> {
  return env().urlGiven ? apiBackend() : storeBackend();
}
