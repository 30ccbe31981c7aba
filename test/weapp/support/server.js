/**
 * Starts the real API (server/src/main.ts) in a child process on a free port with a fresh
 * PGlite data dir and the demo data, for the weapp tests; stops it afterwards.
 */
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')
const { httpRequest } = require('./http')

const ROOT = path.resolve(__dirname, '../../..')

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await httpRequest(`${baseUrl}/healthz`)
      if (res.status === 200) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs} ms`)
}

function withoutDatabaseUrl(env) {
  const { DATABASE_URL: _unused, ...rest } = env
  return rest
}

async function startServer(extraEnv = {}) {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-weapp-'))
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    // A fresh embedded store for each file: these tests are about the compiled pages, and a
    // shared PostgreSQL database (DATABASE_URL) would carry other runs' orders into them.
    env: { ...withoutDatabaseUrl(process.env), PORT: String(port), HOST: '127.0.0.1', XIANGJI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHealth(baseUrl, child, 60_000)
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

module.exports = { startServer }
