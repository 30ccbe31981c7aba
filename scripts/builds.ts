/**
 * Builds the mini-program (weapp or h5) when its output is missing or older than its sources.
 * A stamp file in the output records the newest source time it was built from.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const SOURCES = ['src', 'config', 'babel.config.js', 'tsconfig.json', 'package-lock.json', 'project.config.json']
const STAMP = '.xiangji-build-stamp'

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs)
}

export type Target = 'weapp' | 'h5'

export function distDir(target: Target): string {
  return path.join(ROOT, 'dist', target)
}

export function isFresh(target: Target): boolean {
  const stamp = path.join(distDir(target), STAMP)
  if (!fs.existsSync(stamp)) return false
  const builtFrom = Number(fs.readFileSync(stamp, 'utf8'))
  return builtFrom >= Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))))
}

export function build(target: Target, env: Record<string, string> = {}): void {
  const sourceTime = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))))
  console.log(`Building the ${target} mini-program (taro build --type ${target}) …`)
  execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', target], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, NODE_ENV: 'production' },
  })
  fs.writeFileSync(path.join(distDir(target), STAMP), String(sourceTime))
}

export function ensureBuilt(target: Target): void {
  if (isFresh(target)) return
  build(target)
}
