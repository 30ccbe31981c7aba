import { defineConfig } from 'drizzle-kit'

// Used only to generate migrations from server/src/db/schema.ts: npx drizzle-kit generate
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './server/drizzle',
})
