/**
 * Runs the product as a user would: `npm start` (H5 storefront + API + WeChat sandbox + demo
 * data) on a free port with a fresh data dir, and headless Chromium from Debian.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { chromium, type Browser, type Page } from 'playwright-core'
import { pgConnection } from '../../../server/src/db/client'

const ROOT = path.resolve(__dirname, '../../..')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface RunningProduct {
  baseUrl: string
  output: () => string
  stop(): Promise<void>
}

/**
 * On a PostgreSQL run each product gets a database of its own on that server (dropped at stop),
 * as each PGlite run gets a fresh data dir: journeys never see each other's orders.
 */
export async function freshDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) return { url: undefined, drop: async () => undefined }
  const name = `xj_e2e_${crypto.randomBytes(6).toString('hex')}`
  const admin = async (statement: string) => {
    const client = new Client(pgConnection(serverUrl))
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

export interface StartOptions {
  /** Run on this PostgreSQL database (kept at stop: its owner drops it) instead of a fresh store. */
  databaseUrl?: string
  /** More environment for the server (e.g. PAY_WINDOW_MINUTES). */
  env?: Record<string, string>
}

export async function npmStart(options: StartOptions = {}): Promise<RunningProduct> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-e2e-'))
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await freshDatabase()
  let output = ''
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), XIANGJI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_OPTIONS: '', ...options.env }
  if (database.url) env.DATABASE_URL = database.url
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`)
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        process.kill(-child.pid!, 'SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
      await database.drop()
    },
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: match only text on screen. */
export function visibleText(page: Page, text: string) {
  return page.getByText(text).filter({ visible: true }).first()
}
