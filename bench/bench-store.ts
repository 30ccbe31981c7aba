/**
 * Where a bench keeps its data: its own database `xiangji_bench_<name>` on BENCH_DATABASE_URL
 * (default postgres://127.0.0.1:5432/test), dropped afterwards, or a PGlite data dir in a
 * temporary directory, removed afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { pgConnection } from '../server/src/db/client'

export type StoreKind = 'postgres' | 'pglite'

export const BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'

/** Runs one statement on the bench server's maintenance database. */
export async function admin(statement: string): Promise<void> {
  const client = new Client(pgConnection(BENCH_SERVER))
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** The URL of database `name` on the bench server. */
export function databaseUrl(name: string): string {
  const url = new URL(BENCH_SERVER)
  url.pathname = `/${name}`
  return url.toString()
}

/** Where the app under test keeps its data; `databaseUrl` null means PGlite under `dataDir`. */
export interface BenchTarget {
  kind: StoreKind
  databaseUrl: string | null
  dataDir: string
  /** Drops the database or removes the directory. */
  cleanup(): Promise<void>
}

/** A fresh, empty target: database `xiangji_bench_<name>` (re)created, or a new temporary directory. */
export async function createTarget(kind: StoreKind, name: string): Promise<BenchTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xiangji-bench-${name}-`))
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true })
  if (kind === 'pglite') return { kind, databaseUrl: null, dataDir, cleanup: async () => removeDir() }
  const db = `xiangji_bench_${name}`
  await admin(`drop database if exists ${db} with (force)`)
  await admin(`create database ${db}`)
  return {
    kind,
    databaseUrl: databaseUrl(db),
    dataDir,
    async cleanup() {
      await admin(`drop database if exists ${db} with (force)`)
      removeDir()
    },
  }
}
