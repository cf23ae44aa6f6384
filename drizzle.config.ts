import { defineConfig } from 'drizzle-kit';

// migrations/ is also D1's migrations_dir (wrangler.toml): one folder, both runtimes.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
