/**
 * Opens the store: embedded PGlite (data on disk under the data dir, or in memory)
 * or PostgreSQL through node-postgres when a DATABASE_URL is given.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Where a query may run: the pool or a caller's transaction. */
export type Executor = Db | Tx

export interface Store {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export type StoreOptions =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir: string | null }

/** Like libpq, a URL without a user name connects as the operating-system user. */
export function pgConnection(url: string): { connectionString: string } {
  const parsed = new URL(url)
  if (!parsed.username) parsed.username = encodeURIComponent(os.userInfo().username)
  return { connectionString: parsed.toString() }
}

export const migrationsFolder = path.resolve(__dirname, '../../drizzle')
/** Any fixed number: the advisory lock that serialises migrations across server instances. */
const MIGRATION_LOCK = 740_2026

/** Opens the store and applies the committed SQL migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === 'postgres') {
    const { Pool } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const pool = new Pool({ ...pgConnection(options.url), max: options.maxConnections ?? 10 })
    pool.on('error', () => {
      /* an idle client died; the pool replaces it */
    })
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    try {
      const conn = await pool.connect()
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
        await migrate(drizzle(conn), { migrationsFolder })
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
        conn.release()
      }
    } catch (err) {
      await pool.end().catch(() => undefined)
      throw err
    }
    const db = drizzle(pool, { schema }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true })
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite()
  await client.waitReady
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() }
}
