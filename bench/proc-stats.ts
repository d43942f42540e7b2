// CPU accounting from /proc (Linux): the machine's busy share, a process tree's CPU time, and the CPU time
// of the PostgreSQL backends serving one database. Figures are in seconds; elsewhere they read as 0.
import fs from 'node:fs';
import os from 'node:os';

const TICK = 100; // USER_HZ: clock ticks per second on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  cpu: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICK };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.map(readStat).filter((s): s is ProcStat => s !== undefined);
}

/** CPU seconds used so far by a process and all its live descendants. */
export function treeCpu(root: number): number {
  const stats = allStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let total = 0;
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length > 0) {
    const s = queue.pop() as ProcStat;
    total += s.cpu;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** CPU seconds used so far by the PostgreSQL backends connected to `database` (their titles name it). */
export function postgresBackendCpu(database: string): number {
  let total = 0;
  for (const s of allStats()) {
    try {
      const title = fs.readFileSync(`/proc/${s.pid}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) total += s.cpu;
    } catch {
      // gone
    }
  }
  return total;
}

/** The machine's CPU counters: busy and total seconds across all cores since boot. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] as string;
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / TICK, total: total / TICK };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export const cores = () => os.cpus().length;
