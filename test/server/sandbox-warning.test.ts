/**
 * Sandbox only when meant: the sandbox's demo login signs anyone in, so a sandbox listening
 * beyond loopback warns loudly at start (log at warn, and stderr); production refuses it.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig, sandboxExposureWarning } from '../../server/src/config'

const ROOT = path.resolve(__dirname, '../..')

describe('which addresses warn', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'xiangji.example.com'])('sandbox on %s warns, naming the address', (host) => {
    const warning = sandboxExposureWarning(loadConfig({ HOST: host }))
    expect(warning).toContain(`listening on ${host}`)
    expect(warning).toMatch(/demo persona/)
  })

  it.each(['127.0.0.1', '127.0.1.1', '::1', 'localhost'])('sandbox on loopback %s is quiet', (host) => {
    expect(sandboxExposureWarning(loadConfig({ HOST: host }))).toBeNull()
  })

  it('live mode on any address is quiet', () => {
    expect(sandboxExposureWarning({ host: '0.0.0.0', wechat: { ...loadConfig({}).wechat, mode: 'live' } })).toBeNull()
  })

  it('NODE_ENV=production still refuses the sandbox outright', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1' })).toThrow(/^WECHAT_MODE: sandbox mode is refused when NODE_ENV=production/)
  })
})

/** Starts server/src/main.ts (the real start-up) on a free port of `host`, waits until it says it is running, stops it. */
async function startAndStop(host: string): Promise<{ stdout: string; stderr: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-warning-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Its own embedded store, whatever this run uses.
    DATABASE_URL: '',
    REDIS_URL: '',
    NODE_OPTIONS: '',
    HOST: host,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    XIANGJI_DATA_DIR: dataDir,
    XIANGJI_H5_DIR: path.join(dataDir, 'no-h5'),
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString()
        if (stdout.includes('Xiangji is running')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${stdout}\n${stderr}`)))
    })
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { stdout, stderr }
}

describe('the start-up warning', () => {
  it('a sandbox listening on every interface warns in the log at warn level and on stderr', async () => {
    const { stdout, stderr } = await startAndStop('0.0.0.0')
    expect(stderr).toContain('WARNING: WECHAT_MODE=sandbox is listening on 0.0.0.0')
    const logged = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .find((entry) => entry.msg.includes('WECHAT_MODE=sandbox is listening on 0.0.0.0'))
    expect(logged?.level).toBe(40)
  }, 120_000)
})
