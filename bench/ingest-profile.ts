// The ingest path without HTTP: `npx tsx bench/ingest-profile.ts [--runs 300] [--batches 1,10,50,200]` times
// appendEvents in process, one run at a time (PGlite in memory, or DATABASE_URL's server in a database it
// creates and drops). `--profile out/prefix` writes a CPU profile of each timed loop. It separates the
// store's cost from the server's.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { parseArgs } from 'node:util';
import { createVersion } from '@/lib/control/versions';
import { openDb } from '@/lib/db/open';
import { appendEvents } from '@/lib/ingest/append-events';
import { createRun } from '@/lib/ingest/create-run';
import { createPostgresDatabase, MIGRATIONS_DIR } from '@/lib/testing/stores';
import { MANIFEST, rng, runEvents } from './ingest-workload';
import { ms, percentile } from './lib';
import { postgresBackendCpu } from './proc-stats';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '300' }, batches: { type: 'string', default: '1,10,50,200' }, profile: { type: 'string' } },
});
const inspector = args.profile ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<any>((resolve, reject) => inspector?.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
const baseUrl = process.env.DATABASE_URL;
const database = baseUrl ? await createPostgresDatabase(baseUrl) : undefined;
const store = await openDb({ databaseUrl: database?.url, dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });

try {
  const { result } = await createVersion(store.db, 'bench', { manifest: MANIFEST, address: 'http://127.0.0.1:9/v' });
  const versionId = (result as { id: string }).id;
  console.log(`${store.engine}: appendEvents in process, one run at a time`);
  console.log('| batch | workflow | requests | events/s | ms/request p50 | p99 | CPU ms / 1k events (process + PG) |\n|---|---|---|---|---|---|---|');
  for (const batch of args.batches.split(',').map(Number)) {
    const workflow = batch > 50 ? 'release-matrix' : 'ci';
    const random = rng(batch);
    const runs = Number(args.runs) / (workflow === 'ci' ? 1 : 6);
    const planned = [];
    for (let i = 0; i < runs; i++) {
      const run = await createRun(store.db, { workflow, versionId, groupPath: 'bench/profile', input: { branch: 'main' } });
      planned.push({ id: run.id, events: runEvents(workflow, random) });
    }
    const times: number[] = [];
    let events = 0;
    if (inspector) {
      inspector.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    const dbName = database ? new URL(database.url).pathname.slice(1) : '';
    const cpu0 = [process.cpuUsage(), database ? postgresBackendCpu(dbName) : 0] as const;
    const start = performance.now();
    for (const run of planned) {
      for (let i = 0; i < run.events.length; i += batch) {
        const chunk = run.events.slice(i, i + batch);
        const t = performance.now();
        await appendEvents(store.db, run.id, chunk);
        times.push(performance.now() - t);
        events += chunk.length;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu0[0]);
    const cpuMs = (used.user + used.system) / 1000;
    const pgMs = database ? (postgresBackendCpu(dbName) - cpu0[1]) * 1000 : 0;
    if (inspector) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(`${args.profile}-${store.engine}-${batch}.cpuprofile`, JSON.stringify(profile));
      inspector.disconnect();
    }
    console.log(
      `| ${batch} | ${workflow} | ${times.length} | ${Math.round(events / seconds)} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 99))} | ${Math.round(((cpuMs + pgMs) * 1000) / events)} (${Math.round((cpuMs * 1000) / events)} + ${Math.round((pgMs * 1000) / events)}) |`,
    );
  }
} finally {
  await store.close();
  await database?.drop();
}
