import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImport, findViolations, importsOf } from './boundaries.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('import boundaries', () => {
  it('holds for the whole project', () => {
    expect(findViolations(root)).toEqual([]);
  });

  it('catches the core importing an adapter, a framework or a Node module', () => {
    expect(checkImport('src/usecases/a.ts', '../../bots/sms/parse.ts', 'bots/sms/parse.ts')).toMatch(/imports bots\/sms/);
    expect(checkImport('src/domain/a.ts', 'hono', null)).toMatch(/framework/);
    expect(checkImport('src/usecases/a.ts', 'drizzle-orm', null)).toMatch(/framework or driver/);
    expect(checkImport('src/domain/a.ts', 'node:crypto', null)).toMatch(/Node module/);
    expect(checkImport('src/usecases/a.ts', 'fs', null)).toMatch(/Node module/);
    expect(checkImport('src/domain/a.ts', '../usecases/x.ts', 'src/usecases/x.ts')).toMatch(/src\/domain imports src\/usecases/);
    expect(checkImport('src/usecases/a.ts', '../../db/store.ts', 'src/db/store.ts')).toMatch(/imports src\/db/);
    expect(checkImport('src/http/app.ts', 'node:fs', null)).toMatch(/Node module/);
  });

  it('catches one adapter importing another, and concrete parts built outside the entry points', () => {
    expect(checkImport('bots/sms/a.ts', '../telegram/b.ts', 'bots/telegram/b.ts')).toMatch(/another adapter/);
    expect(checkImport('portal/a.tsx', '../bots/sms/b.ts', 'bots/sms/b.ts')).toMatch(/portal imports a bot/);
    expect(checkImport('src/http/app.ts', '../db/libsql.ts', 'src/db/libsql.ts')).toMatch(/only entry points/);
    expect(checkImport('src/http/app.ts', '@hono/node-server', null)).toMatch(/only entry points/);
    expect(checkImport('src/entry/node.ts', '../db/libsql.ts', 'src/db/libsql.ts')).toBeNull();
  });

  it('allows what the design allows', () => {
    expect(checkImport('src/usecases/a.ts', '../../domain/x.ts', 'src/domain/x.ts')).toBeNull();
    expect(checkImport('src/usecases/a.ts', 'zod', null)).toBeNull();
    expect(checkImport('src/domain/phone.ts', 'libphonenumber-js/min', null)).toBeNull();
    expect(checkImport('src/http/app.ts', 'hono', null)).toBeNull();
    expect(checkImport('bots/sms/a.ts', './b.ts', 'bots/sms/b.ts')).toBeNull();
  });

  it('reads every form of import', () => {
    const src = `import a from 'x';\nimport type { B } from "../y.ts";\nexport { c } from './z.ts';\nimport './side.ts';\nconst d = await import('w');\n// import nope from 'commented';`;
    expect(importsOf(src)).toEqual(['x', '../y.ts', './z.ts', './side.ts', 'w']);
  });
});
