/**
 * Codemod: rewrites relative imports that reach into an aliased folder (tsconfig.json
 * `compilerOptions.paths`, e.g. `@domain/*` → src/domain, `@contracts/*` → server/src/contracts)
 * to the alias: `'../../../../src/domain/order-states'` → `'@domain/order-states'`.
 * A file inside the aliased folder keeps its relative imports of siblings (src/domain importing
 * './money'). Only the specifier strings change; re-running it is harmless.
 *
 *   npx tsx scripts/alias-imports.ts          # rewrite in place, list the files changed
 *   npx tsx scripts/alias-imports.ts --check  # change nothing; exit 1 if something would change
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..')
const DIRS = ['src', 'server', 'test', 'bench', 'scripts']
const SKIP = new Set(['node_modules', 'dist', 'drizzle', 'coverage'])
const EXTS = /\.(tsx?|[cm]?js)$/

interface Alias {
  prefix: string // '@domain/'
  dir: string // absolute path of src/domain
}

function readAliases(): Alias[] {
  const { config } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile)
  const { baseUrl = '.', paths = {} } = (config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> }
  return Object.entries(paths)
    .filter(([key, targets]) => key.endsWith('/*') && targets.length === 1 && targets[0].endsWith('/*'))
    .map(([key, [target]]) => ({ prefix: key.slice(0, -1), dir: path.resolve(ROOT, baseUrl, target.slice(0, -2)) }))
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (EXTS.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full
  }
}

const inside = (file: string, dir: string) => file.startsWith(dir + path.sep)

// `from '…'`, `import '…'`, `import('…')`, `require('…')`, `jest.mock('…')` and friends.
const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bjest\.(?:mock|doMock|unmock|requireActual|requireMock)\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/g

function rewrite(file: string, source: string, aliases: Alias[]): string {
  const from = path.dirname(file)
  return source.replace(SPECIFIER, (match, lead: string, quote: string, spec: string) => {
    const target = path.resolve(from, spec)
    const alias = aliases.find((a) => inside(target, a.dir) && !inside(file, a.dir))
    if (!alias) return match
    const rest = path.relative(alias.dir, target).split(path.sep).join('/')
    return `${lead}${quote}${alias.prefix}${rest}${quote}`
  })
}

function main(): void {
  const check = process.argv.includes('--check')
  const aliases = readAliases()
  let changed = 0
  for (const file of DIRS.flatMap((d) => [...walk(path.join(ROOT, d))])) {
    const before = fs.readFileSync(file, 'utf8')
    const after = rewrite(file, before, aliases)
    if (after === before) continue
    changed++
    console.log(`${check ? 'would rewrite' : 'rewrote'} ${path.relative(ROOT, file)}`)
    if (!check) fs.writeFileSync(file, after)
  }
  console.log(`${changed} file(s) ${check ? 'to rewrite' : 'rewritten'} (aliases: ${aliases.map((a) => a.prefix + '*').join(', ')})`)
  if (check && changed > 0) process.exit(1)
}

main()
