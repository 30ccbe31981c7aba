/**
 * `npm run bench:size`: builds the weapp and prints the size of the main package and of
 * each subpackage, raw and gzip (the sum of each file gzipped, as WeChat measures per file).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { build, distDir } from '../scripts/builds'

interface Size {
  raw: number
  gzip: number
  files: number
}

function sizeOf(dir: string, exclude: string[] = []): Size {
  const total: Size = { raw: 0, gzip: 0, files: 0 }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (exclude.includes(full) || entry.name.startsWith('.xiangji')) continue
    if (entry.isDirectory()) {
      const sub = sizeOf(full, exclude)
      total.raw += sub.raw
      total.gzip += sub.gzip
      total.files += sub.files
    } else {
      const bytes = fs.readFileSync(full)
      total.raw += bytes.length
      total.gzip += zlib.gzipSync(bytes, { level: 9 }).length
      total.files += 1
    }
  }
  return total
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

build('weapp')
const root = distDir('weapp')
const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => path.join(root, s.root.replace(/\/$/, '')))
const rows: [string, Size][] = [['main package', sizeOf(root, subRoots)], ...subRoots.map((r): [string, Size] => [`subpackage ${path.basename(r)}`, sizeOf(r)])]
console.log('\npackage'.padEnd(24) + 'files'.padStart(7) + 'raw'.padStart(12) + 'gzip'.padStart(12))
for (const [name, s] of rows) console.log(name.padEnd(23) + String(s.files).padStart(7) + kb(s.raw).padStart(12) + kb(s.gzip).padStart(12))
const main = rows[0][1]
const LIMIT = 2 * 1024 * 1024
const BUDGET = 1024 * 1024
console.log(`\nWeChat limit 2 MB per package; our budget (P1) 1 MB: main package is ${main.raw <= BUDGET ? 'within' : main.raw <= LIMIT ? 'OVER BUDGET but under the limit' : 'OVER THE LIMIT'}.`)
if (main.raw > LIMIT) process.exit(1)
