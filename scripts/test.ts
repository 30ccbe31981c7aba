/**
 * `npm test`: type-checks, lints (eslint.config.mjs: import zones and no-cycle), makes sure the
 * weapp and H5 builds are fresh (the weapp tests render dist/weapp, the end-to-end journey drives
 * dist/h5), then runs every Jest project.
 * Runs on the embedded PGlite store, or on PostgreSQL when DATABASE_URL is set.
 * Extra arguments go to Jest (e.g. `npm test -- --selectProjects server`).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureBuilt } from './builds'

const ROOT = path.resolve(__dirname, '..')
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name)
const args = process.argv.slice(2)

function run(cmd: string, argv: string[], env: Record<string, string> = {}): void {
  const res = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

console.log(`Store for this run: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`)
run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
run(bin('eslint'), ['.'])
ensureBuilt('weapp')
ensureBuilt('h5')
// PGlite loads its WASM through dynamic import(), which Jest runs only with VM modules on.
run(bin('jest'), args, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim() })
