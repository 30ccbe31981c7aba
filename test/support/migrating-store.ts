/**
 * A store migrated step by step, for tests of what a migration does to rows written before it:
 * an empty store (PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set) and a
 * copy of the migrations folder holding only those up to a tag.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { Client } from 'pg'
import { migrationsFolder, pgConnection } from '../../server/src/db/client'

export interface Migrating {
  /** Applies the migrations in `folder` not applied yet. */
  migrate(folder: string): Promise<void>
  query<T>(statement: ReturnType<typeof sql>): Promise<T[]>
  close(): Promise<void>
}

/** A fresh empty store (PGlite in memory, or a new PostgreSQL database) that migrates on demand. */
export async function emptyStore(): Promise<Migrating> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    const client = new PGlite()
    const db = drizzle(client)
    return {
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      query: async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[],
      close: () => client.close(),
    }
  }
  const name = `xj_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = async (statement: string) => {
    const c = new Client(pgConnection(serverUrl))
    await c.connect()
    await c.query(statement).finally(() => c.end())
  }
  await admin(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const { Pool } = await import('pg')
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const { migrate } = await import('drizzle-orm/node-postgres/migrator')
  const pool = new Pool(pgConnection(url.toString()))
  const db = drizzle(pool)
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    query: async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[],
    async close() {
      await pool.end()
      await admin(`drop database if exists ${name}`)
    },
  }
}

/** A copy of the migrations folder holding only those up to `lastTag`. */
export function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-migrations-'))
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] }
  const last = journal.entries.findIndex((e) => e.tag === lastTag)
  const entries = journal.entries.slice(0, last + 1)
  fs.mkdirSync(path.join(dir, 'meta'))
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }))
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`))
  return dir
}
