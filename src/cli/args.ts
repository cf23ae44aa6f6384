// The command line, parsed. Anything malformed is a usage error (exit code 2).
import { parseArgs } from 'node:util';

export type Command =
  | { name: 'import-clients' | 'import-appointments' | 'import-staff'; file: string; agency: string | undefined }
  | { name: 'export-client'; clientId: string; agency: string | undefined; out: string | undefined }
  | { name: 'invite'; clientId: string; agency: string | undefined }
  /** prints the agency's settings, or sets the fields of a JSON file */
  | { name: 'settings'; file: string | undefined; agency: string | undefined }
  /** runs the scheduler once, at `at` (ms) or now */
  /** runs the scheduler at `at` (ms), or `ahead` ms from now, or now */
  | { name: 'tick'; at: number | undefined; ahead?: number };

export type ParsedArgs =
  | { kind: 'run'; command: Command }
  | { kind: 'help' }
  | { kind: 'usage_error'; key: string; vars?: Record<string, string> };

const COMMANDS = ['import-clients', 'import-appointments', 'import-staff', 'export-client', 'invite', 'tick', 'settings'] as const;

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { agency: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });

export const parseCli = (argv: string[]): ParsedArgs => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch {
    return { kind: 'usage_error', key: 'cli.usage' };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [name, arg, ...extra] = positionals;
  if (!name) return { kind: 'usage_error', key: 'cli.usage' };
  if (!(COMMANDS as readonly string[]).includes(name)) return { kind: 'usage_error', key: 'cli.unknown_command', vars: { command: name } };
  if (name === 'tick') {
    if (arg || values.out !== undefined || values.agency !== undefined) return { kind: 'usage_error', key: 'cli.usage' };
    if (values.at === undefined) return { kind: 'run', command: { name, at: undefined } };
    // "+36h", "+90m", "+3d": that long from now (the demo's way to move its clock ahead)
    const rel = /^\+(\d{1,4})([mhd])$/.exec(values.at);
    if (rel) return { kind: 'run', command: { name, at: undefined, ahead: Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd'] } };
    // An ISO time with its zone (Z or ±hh:mm), so nobody wonders which clock it was read on.
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(values.at) ? Date.parse(values.at) : NaN;
    if (!Number.isFinite(at)) return { kind: 'usage_error', key: 'cli.bad_time', vars: { value: values.at } };
    return { kind: 'run', command: { name, at } };
  }
  if (values.at !== undefined) return { kind: 'usage_error', key: 'cli.usage' };
  if (name === 'settings') {
    if (arg || values.out !== undefined) return { kind: 'usage_error', key: 'cli.usage' };
    return { kind: 'run', command: { name, file: values.file || undefined, agency: values.agency?.trim() || undefined } };
  }
  if (values.file !== undefined) return { kind: 'usage_error', key: 'cli.usage' };
  if (!arg || extra.length > 0) return { kind: 'usage_error', key: 'cli.usage' };
  const agency = values.agency?.trim() || undefined;
  if (name === 'export-client') return { kind: 'run', command: { name, clientId: arg, agency, out: values.out || undefined } };
  if (values.out !== undefined) return { kind: 'usage_error', key: 'cli.usage' };
  if (name === 'invite') return { kind: 'run', command: { name, clientId: arg, agency } };
  return { kind: 'run', command: { name: name as 'import-clients' | 'import-appointments' | 'import-staff', file: arg, agency } };
};
