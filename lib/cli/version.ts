import fs from 'node:fs';
import type { Command } from 'commander';
import type { VersionDetail, VersionListItem } from '@/lib/contract/versions';
import { routes } from '@/lib/routes';
import { print, printJson, withJson } from './format';
import { api, CliError, isNotFound } from './http-client';
import { versionDetail, versionTable } from './render-version';

interface JsonOpt {
  json?: boolean;
}

function readManifest(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The version as the server has it now; its `rowVersion` is what a write names as `expectedVersion`. */
export const fetchVersion = (id: string) => api().get<VersionDetail>(routes.api.version(id));

/** `version list|get|create|update|delete|current`; returns the `version` command for the rest. */
export function registerVersion(program: Command): Command {
  const version = program
    .command('version')
    .description('the version registry: register, inspect, make current, compare and retire versions')
    .addHelpText('after', '\nWrites read the version first and send its row version, so a concurrent change is a clear conflict, never an overwrite.');

  withJson(version.command('list').description('every version, newest first, with status and run counts')).action(async (o: JsonOpt) => {
    const { items } = await api().get<{ items: VersionListItem[] }>(routes.api.versions());
    if (o.json) printJson({ items });
    else print(versionTable(items));
  });

  withJson(version.command('get').description('one version: status, address, digest, runs, workflows').argument('<id>', 'version id (vers_…)')).action(
    async (id: string, o: JsonOpt) => {
      const v = await fetchVersion(id);
      if (o.json) printJson(v);
      else print(versionDetail(v));
    },
  );

  withJson(
    version
      .command('create')
      .description('register a version from a JSON manifest')
      .requiredOption('--manifest <file>', 'JSON manifest: { "workflows": { NAME: { "input": JSON Schema, "steps": [...] } } }')
      .option('--address <url>', 'where the version is served (makes it live)')
      .option('--label <label>', 'a human name, e.g. a release tag'),
  ).action(async (o: JsonOpt & { manifest: string; address?: string; label?: string }) => {
    const manifest = readManifest(o.manifest);
    const v = await api().send<VersionDetail>('POST', routes.api.versions(), { manifest, address: o.address, label: o.label });
    if (o.json) return printJson(v);
    print(`Created version ${v.id} (${v.status}).`);
    print(versionDetail(v));
  });

  withJson(
    version
      .command('update')
      .description('change the address or label (an address makes a pending version live)')
      .argument('<id>', 'version id (vers_…)')
      .option('--address <url>', 'set the address')
      .option('--no-address', 'clear the address (the version becomes pending)')
      .option('--label <label>', 'set the label')
      .option('--no-label', 'clear the label'),
  ).action(async (id: string, o: JsonOpt & { address?: string | false; label?: string | false }) => {
    const patch = {
      ...(o.address === undefined ? {} : { address: o.address || null }),
      ...(o.label === undefined ? {} : { label: o.label || null }),
    };
    if (Object.keys(patch).length === 0) throw new CliError('nothing to update: give --address, --no-address, --label or --no-label');
    const before = await fetchVersion(id);
    const v = await api().send<VersionDetail>('PATCH', routes.api.version(id), { ...patch, expectedVersion: before.rowVersion });
    if (o.json) return printJson(v);
    print(`Updated version ${v.id} (row version ${before.rowVersion} → ${v.rowVersion}).`);
    print(versionDetail(v));
  });

  withJson(version.command('delete').description('delete a version that has no runs or is sunset').argument('<id>', 'version id (vers_…)')).action(
    async (id: string, o: JsonOpt) => {
      const before = await fetchVersion(id);
      await api().send<void>('DELETE', routes.api.version(id), { expectedVersion: before.rowVersion });
      if (o.json) printJson({ id, deleted: true });
      else print(`Deleted version ${id}.`);
    },
  );

  withJson(
    version
      .command('current')
      .description('show the current version (where new runs go), or make ID current')
      .argument('[id]', 'version id (vers_…) to make current'),
  ).action(async (id: string | undefined, o: JsonOpt) => {
    const client = api();
    const current = await client.get<VersionDetail>(routes.api.versionCurrent()).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    if (!id) {
      if (!current) throw new CliError('no version is current yet: make one current with `flowdeck version current ID`', 1);
      if (o.json) return printJson(current);
      return print(versionDetail(current));
    }
    const target = await fetchVersion(id);
    const v = await client.send<VersionDetail>('POST', routes.api.versionSetCurrent(id), { expectedVersion: target.rowVersion });
    if (o.json) return printJson(v);
    if (current?.id === v.id) print(`${v.id} was already the current version.`);
    else print(`${v.id} is now the current version${current ? ` (was ${current.id})` : ''}: new runs go to it.`);
  });

  return version;
}
