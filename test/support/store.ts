/**
 * A fresh, empty store per test file: an in-memory PGlite, or — when DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped afterwards.
 */
import crypto from 'node:crypto'
import { Client } from 'pg'
import { openStore, pgConnection, type Store } from '../../server/src/db/client'

export interface TestStore {
  store: Store
  url: string | null
  close(): Promise<void>
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new Client(pgConnection(url))
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

export async function openTestStore(): Promise<TestStore> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const store = await openStore({ kind: 'pglite', dataDir: null })
    return { store, url: null, close: () => store.close() }
  }
  const name = `xj_test_${crypto.randomBytes(6).toString('hex')}`
  await admin(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const store = await openStore({ kind: 'postgres', url: url.toString(), maxConnections: 20 })
  return {
    store,
    url: url.toString(),
    async close() {
      await store.close()
      await admin(serverUrl, `drop database if exists ${name} with (force)`)
    },
  }
}
