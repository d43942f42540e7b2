import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_LIMIT_BYTES } from '@/lib/domain/log-lines';
import { CliError } from './http-client';
import { defaultRunnerId, lineLogger, logLimitBytes } from './runner';

describe('runner CLI helpers', () => {
  it('makes a runner id from host and pid', () => {
    expect(defaultRunnerId('build-01.example.com', 42)).toBe('build-01.example.com-42');
    expect(defaultRunnerId('weird host/name', 7)).toBe('weird-host-name-7');
    expect(defaultRunnerId('', 7)).toBe('runner-7');
  });

  it('writes one line per event with run and step', () => {
    const lines: string[] = [];
    const log = lineLogger('r1', (l) => lines.push(l));
    log('run_1', 'build', 'started');
    log(null, null, 'idle');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z r1 run_1 build: started\n$/);
    expect(lines[1]).toMatch(/Z r1 idle\n$/);
  });

  it('takes the log limit from the flag, else FLOWDECK_LOG_LIMIT, else the default', () => {
    expect(logLimitBytes(2048, '1MiB')).toBe(2048);
    expect(logLimitBytes(undefined, '1MiB')).toBe(1024 * 1024);
    expect(logLimitBytes(undefined, undefined)).toBe(DEFAULT_LOG_LIMIT_BYTES);
    expect(() => logLimitBytes(undefined, 'lots')).toThrow(CliError);
    expect(() => logLimitBytes(undefined, '10')).toThrow(/at least 1k/);
  });
});
