import fs from 'node:fs/promises';
import path from 'node:path';
import { buildManifest, type ManifestEntry, manifestEntryProblems } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import type { RunnerApi } from './api';

/** A failure that fails the step (not the runner): its message becomes the node error. */
export class StepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepError';
  }
}

export interface OutputFile {
  /** Relative to the step's working directory, `/`-separated. */
  path: string;
  abs: string;
}

/** A declared output path, checked: relative, inside the working directory, no `.`/`..` segments. */
export function checkOutputPath(declared: string): string {
  const clean = declared.replace(/\/+$/, '');
  if (clean === '' || clean.startsWith('/') || clean.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw new StepError(`declared output "${declared}" must be a relative path inside the step's directory`);
  }
  return clean;
}

async function walk(abs: string, rel: string, out: OutputFile[]): Promise<void> {
  const entries = await fs.readdir(abs, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const childAbs = path.join(abs, e.name);
    const childRel = `${rel}/${e.name}`;
    if (e.isDirectory()) await walk(childAbs, childRel, out);
    else if (e.isFile()) out.push({ path: childRel, abs: childAbs });
    else throw new StepError(`output "${childRel}" is neither a regular file nor a directory`);
  }
}

/**
 * The files a step's declared outputs name, after it ran: a file as itself, a directory as every file
 * under it. A declared output that does not exist fails the step; so does a symlink or other special file.
 */
export async function collectOutputs(cwd: string, declared: readonly string[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const d of declared) {
    const rel = checkOutputPath(d);
    const abs = path.join(cwd, rel);
    const stat = await fs.lstat(abs).catch(() => null);
    if (!stat) throw new StepError(`declared output "${d}" was not produced`);
    if (stat.isDirectory()) await walk(abs, rel, files);
    else if (stat.isFile()) files.push({ path: rel, abs });
    else throw new StepError(`declared output "${d}" is neither a regular file nor a directory`);
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    if (seen.has(f.path)) return false;
    seen.add(f.path);
    return true;
  });
}

export interface Published {
  digest: string;
  entries: ManifestEntry[];
}

/** Uploads each file as a blob by sha256, then the manifest (RFC 8785 canonical JSON) under its digest. */
export async function publishOutputs(api: Pick<RunnerApi, 'putBlob' | 'putManifest'>, files: readonly OutputFile[]): Promise<Published> {
  const entries: ManifestEntry[] = [];
  for (const file of files) {
    const bytes = await fs.readFile(file.abs);
    const digest = sha256Digest(bytes);
    await api.putBlob(digest, bytes);
    entries.push({ path: file.path, digest, size: bytes.byteLength });
  }
  const manifest = buildManifest(entries);
  await api.putManifest(manifest.digest, manifest.entries);
  return { digest: manifest.digest, entries: manifest.entries };
}

export interface StagedFile extends ManifestEntry {
  producer: string;
}

/**
 * Stages producers' manifests into a step's working directory: every file at its manifest path, its bytes
 * checked against the digest and size first. A mismatch, an unsafe path, or two producers with different
 * files at one path fail the step. Returns what was written.
 */
export async function stageManifests(
  api: Pick<RunnerApi, 'getManifest' | 'getBlob'>,
  cwd: string,
  producers: Readonly<Record<string, string>>,
): Promise<StagedFile[]> {
  const byPath = new Map<string, StagedFile>();
  for (const [producer, manifestDigest] of Object.entries(producers)) {
    const entries = await api.getManifest(manifestDigest);
    const problems = manifestEntryProblems(entries);
    if (problems.length > 0) throw new StepError(`manifest ${manifestDigest} of "${producer}" is unusable: ${problems.join('; ')}`);
    for (const e of entries) {
      const other = byPath.get(e.path);
      if (other && other.digest !== e.digest) {
        throw new StepError(`"${producer}" and "${other.producer}" both publish "${e.path}" with different contents`);
      }
      byPath.set(e.path, { ...e, producer });
    }
  }
  for (const file of byPath.values()) {
    const bytes = await api.getBlob(file.digest);
    const actual = sha256Digest(bytes);
    if (actual !== file.digest || bytes.byteLength !== file.size) {
      throw new StepError(
        `staged file "${file.path}" from "${file.producer}" does not match its manifest: expected ${file.digest} (${file.size} bytes), got ${actual} (${bytes.byteLength} bytes)`,
      );
    }
    const abs = path.join(cwd, file.path);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, bytes);
  }
  return [...byPath.values()];
}
