/**
 * `npm start`: builds the H5 storefront if it is missing or stale, then starts the API,
 * which serves the storefront, the WeChat sandbox and (on an empty store) the demo data.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureBuilt } from './builds'
import { loadConfig } from '../server/src/config'
import { DEMO_PERSONAS } from '../server/src/seed/demo-data'

const config = loadConfig()
ensureBuilt('h5')
const server = spawn(process.execPath, [path.join(__dirname, '../node_modules/tsx/dist/cli.mjs'), path.join(__dirname, '../server/src/main.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: process.env,
})
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  if (chunk.toString().includes('Xiangji is running') && config.wechat.mode === 'sandbox') {
    console.log(`\nOpen http://localhost:${config.port}/ — storefront (H5). Demo personas (我的 → 演示登录):`)
    for (const p of DEMO_PERSONAS) console.log(`  ${p.label.padEnd(4)} ${p.description}`)
  }
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 1))
