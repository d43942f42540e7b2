import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDigest } from '@/lib/domain/digest-format';
import type { BlobStore } from './blob-store';

/** Blobs as files under `<root>/sha256/<2 hex>/<62 hex>`, written atomically (temp file + rename). */
export class LocalBlobStore implements BlobStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `local:${root}`;
  }

  private pathOf(digest: string): string {
    if (!isDigest(digest)) throw new TypeError(`not a sha256 digest: ${digest}`);
    const hex = digest.slice('sha256:'.length);
    return path.join(this.root, 'sha256', hex.slice(0, 2), hex.slice(2));
  }

  async put(digest: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(digest);
    if (await this.has(digest)) return;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  }

  async get(digest: string): Promise<Uint8Array | null> {
    try {
      return await fs.readFile(this.pathOf(digest));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async has(digest: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(digest));
      return true;
    } catch {
      return false;
    }
  }
}
