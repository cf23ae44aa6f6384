// The import rules of DESIGN.md ("one core, many doors"), as data and a checker.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const NODE_BUILTINS = /^(node:|fs$|fs\/|path$|os$|crypto$|child_process$|http$|https$|net$|url$|stream$|buffer$|util$|worker_threads$)/;
const FRAMEWORKS = /^(hono|@hono\/|grammy|@grammyjs\/|@slack\/|slack-edge|drizzle-orm|@libsql\/|libsql|i18next|wrangler|@cloudflare\/)/;

/** Which top-level area of the project a path belongs to. */
export const areaOf = (path: string): string => {
  const p = path.replace(/\\/g, '/');
  const m = p.match(/^(src\/[^/]+|bots\/[^/]+|portal|locales|test|bench)/);
  return m?.[1] ?? p.split('/')[0] ?? p;
};

const CORE = ['src/domain', 'src/usecases', 'src/ports'];
const ENTRY_ONLY_FILES = ['src/db/libsql.ts', 'src/runtime/fs-blob-store.ts'];
const ENTRY_AREAS = ['src/entry', 'src/cli', 'test', 'bench'];

/** The rule a single import breaks, or null. `from` and `target` are project-relative paths. */
export const checkImport = (from: string, specifier: string, target: string | null): string | null => {
  const area = areaOf(from);
  if (CORE.includes(area)) {
    if (!target) {
      if (NODE_BUILTINS.test(specifier)) return 'the core imports a Node module';
      if (FRAMEWORKS.test(specifier)) return 'the core imports a framework or driver';
      if (area !== 'src/domain' && specifier === 'libphonenumber-js/min') return 'only the domain parses phone numbers';
      return null;
    }
    const t = areaOf(target);
    const allowed = area === 'src/domain' ? ['src/domain'] : area === 'src/ports' ? ['src/domain', 'src/ports'] : CORE;
    return allowed.includes(t) ? null : `${area} imports ${t}`;
  }
  if (area === 'src/http' && !target && NODE_BUILTINS.test(specifier)) return 'the HTTP app imports a Node module';
  if (target) {
    const t = areaOf(target);
    if (area.startsWith('bots/') && t.startsWith('bots/') && t !== area) return `${area} imports another adapter (${t})`;
    if (area.startsWith('bots/') && t === 'portal') return 'a bot imports the portal';
    if (area === 'portal' && t.startsWith('bots/')) return 'the portal imports a bot';
    if (ENTRY_ONLY_FILES.includes(target) && !ENTRY_AREAS.includes(area) && area !== areaOf(target))
      return `only entry points build ${target}`;
    if (['src/domain', 'src/usecases', 'src/ports', 'src/http', 'src/db'].includes(area) && t === 'src/entry')
      return 'the inside imports an entry point';
  } else if (specifier === '@hono/node-server' && !ENTRY_AREAS.includes(area)) {
    return 'only entry points start a Node server';
  }
  return null;
};

const SPEC = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export const importsOf = (source: string): string[] => {
  const out: string[] = [];
  const noComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of noComments.matchAll(SPEC)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
};

const walk = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
};

export const findViolations = (root: string, dirs = ['src', 'bots', 'portal']): Violation[] => {
  const violations: Violation[] = [];
  for (const d of dirs) {
    let files: string[] = [];
    try {
      files = walk(join(root, d));
    } catch {
      continue;
    }
    for (const abs of files) {
      const file = relative(root, abs).replace(/\\/g, '/');
      for (const spec of importsOf(readFileSync(abs, 'utf8'))) {
        const target = spec.startsWith('.') ? normalize(join(dirname(file), spec)).replace(/\\/g, '/') : null;
        const rule = checkImport(file, spec, target);
        if (rule) violations.push({ file, imports: spec, rule });
      }
    }
  }
  return violations;
};
