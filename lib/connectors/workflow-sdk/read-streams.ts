import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { SdkStreamChunk } from './stream-logs';

/**
 * The stream chunks of runs, read without writing to the world.
 *
 * world-local (streamer.js): `streams/runs/<runId>.json` lists a run's stream names (`{ streams: [...] }`);
 * each chunk is `streams/chunks/<stream>-chnk_<ULID>.bin`: one byte (1 = the end of the stream), then the
 * bytes written. Files of a tag (`….<tag>.bin`, test worlds) and the legacy `.json` chunks are not read.
 * world-postgres: the `workflow.workflow_stream_chunks` rows of the run (`id`, `stream_id`, `data`, `eof`).
 */
export interface StreamReader {
  /** Each run's chunks in write order (runs without a stream are left out). */
  streams(runIds: readonly string[]): Promise<Map<string, SdkStreamChunk[]>>;
}

const RunStreams = z.object({ streams: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/)) });
const CHUNK_FILE = /^(.+)-(chnk_[0-9A-HJKMNP-TV-Z]{26})\.bin$/;

export function localStreamReader(dataDir: string): StreamReader {
  return {
    async streams(runIds) {
      const out = new Map<string, SdkStreamChunk[]>();
      const names = new Map<string, string>();
      for (const runId of runIds) {
        let listed: z.infer<typeof RunStreams> | null = null;
        try {
          listed = RunStreams.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'streams', 'runs', `${runId}.json`), 'utf8')));
        } catch {
          continue; // no stream, or a file being written: looked at again when the run next changes
        }
        for (const name of listed.streams) names.set(name, runId);
      }
      if (names.size === 0) return out;
      const dir = path.join(dataDir, 'streams', 'chunks');
      const files = (await fs.readdir(dir).catch(() => [] as string[])).sort();
      for (const file of files) {
        const m = CHUNK_FILE.exec(file);
        const runId = m ? names.get(m[1] as string) : undefined;
        if (!m || !runId) continue;
        const bytes = await fs.readFile(path.join(dir, file)).catch(() => null);
        if (!bytes || bytes.length === 0) continue;
        const chunk: SdkStreamChunk = { stream: m[1] as string, chunkId: m[2] as string, data: new Uint8Array(bytes.subarray(1)), eof: bytes[0] === 1 };
        const list = out.get(runId);
        if (list) list.push(chunk);
        else out.set(runId, [chunk]);
      }
      return out;
    },
  };
}

export function postgresStreamReader(pool: Pick<Pool, 'query'>): StreamReader {
  return {
    async streams(runIds) {
      const out = new Map<string, SdkStreamChunk[]>();
      if (runIds.length === 0) return out;
      const { rows } = await pool.query<{ run_id: string; id: string; stream_id: string; data: Buffer; eof: boolean }>(
        'select run_id, id, stream_id, data, eof from workflow.workflow_stream_chunks where run_id = any($1) order by run_id, id',
        [runIds],
      );
      for (const r of rows) {
        const chunk: SdkStreamChunk = { stream: r.stream_id, chunkId: r.id, data: new Uint8Array(r.data), eof: r.eof };
        const list = out.get(r.run_id);
        if (list) list.push(chunk);
        else out.set(r.run_id, [chunk]);
      }
      return out;
    },
  };
}
