import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '@/lib/testing/stores';

const root = path.resolve(import.meta.dirname, '../..');

describe('migration hygiene', () => {
  it('every .sql file in drizzle/ is in the journal, and every journal entry has its file', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''));
    expect(files.sort()).toEqual(journal.entries.map((e) => e.tag).sort());
  });

  it('drizzle-kit generate finds nothing to add: schema and migrations are in step', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-drizzle-'));
    fs.cpSync(MIGRATIONS_DIR, out, { recursive: true });
    const config = path.join(out, 'drizzle.check.config.ts');
    fs.writeFileSync(
      config,
      `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'lib/db/schema'))}, out: ${JSON.stringify(path.relative(root, out))} };\n`,
    );
    const kit = path.join(root, 'node_modules/drizzle-kit/bin.cjs');
    const result = spawnSync(process.execPath, [kit, 'generate', '--config', config], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('No schema changes');
    const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql'));
    expect(after.length).toBe(fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
