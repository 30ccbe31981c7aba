/**
 * ESLint (flat config): enforces the import boundaries of docs "Rules that keep it easy to change".
 * Runs inside `npm test` (scripts/test.ts) and as `npm run lint`. No type-aware rules, so it stays fast.
 *
 * - import-x/no-cycle over the client (src/) and the server (server/src/).
 * - import-x/no-restricted-paths zones, generated from the directory listing so new features and
 *   modules are covered without editing this file:
 *   (a) a feature never imports another feature of its group (src/features, src/farmer/features, src/coop/features, src/after-sale/features);
 *   (b) the subpackages (farmer, coop, after-sale) never import each other, nor src/pages;
 *   (c) src/ never imports server/ except the API contracts, and those only with `import type`;
 *   (d) outside server/src/modules/<name>/, only that module's index.ts may be imported (tests and bench exempt).
 * Aliases (@domain/*, @contracts/*) resolve through tsconfig.json paths; deep relative imports of those folders are refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const ROOT = path.dirname(fileURLToPath(import.meta.url))
const subdirs = (rel) =>
  fs.existsSync(path.join(ROOT, rel))
    ? fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : []

// (a) one zone per feature: it may import nothing from its siblings.
const FEATURE_GROUPS = ['src/features', 'src/farmer/features', 'src/coop/features', 'src/after-sale/features']
const featureZones = FEATURE_GROUPS.flatMap((group) =>
  subdirs(group).map((name) => ({
    target: `./${group}/${name}`,
    from: `./${group}`,
    except: [`./${name}`],
    message: `Features do not import each other: move shared code to components/, lib/, stores/ or domain/.`,
  })),
)

// (b) subpackages never import each other (WeChat refuses it at run time), nor the main package's pages.
const subpackageZones = [
  { target: './src/farmer', from: './src/coop', message: 'Subpackages never import each other.' },
  { target: './src/coop', from: './src/farmer', message: 'Subpackages never import each other.' },
  { target: ['./src/farmer', './src/coop'], from: './src/after-sale', message: 'Subpackages never import each other.' },
  { target: './src/after-sale', from: ['./src/farmer', './src/coop'], message: 'Subpackages never import each other.' },
  { target: ['./src/farmer', './src/coop', './src/after-sale'], from: './src/pages', message: 'Subpackages never import src/pages.' },
]

// (c) the client never imports server code; contracts are allowed here and limited to `import type` below.
const clientServerZone = {
  target: './src',
  from: './server',
  except: ['./src/contracts'],
  message: 'src/ never imports server/ code (only `import type` from server/src/contracts).',
}

// (d) one door per module: everything outside modules/<name>/ (but tests and bench) imports only its index.ts.
const MODULES = 'server/src/modules'
const serverTops = fs
  .readdirSync(path.join(ROOT, 'server/src'))
  .filter((entry) => entry !== 'modules')
  .map((entry) => `./server/src/${entry}`)
const moduleZones = subdirs(MODULES).map((name) => ({
  target: [...serverTops, ...subdirs(MODULES).filter((other) => other !== name).map((other) => `./${MODULES}/${other}`), './scripts', './src'],
  from: `./${MODULES}/${name}`,
  except: ['./index.ts'],
  message: `Import the ${name} module only through ${MODULES}/${name}/index.ts (one door per module).`,
}))

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'coverage/**',
      'server/drizzle/**',
      'bench/out/**',
      'data/**',
      'test-results/**',
      '.swc/**',
      '**/*.d.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'warn' } },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.{ts,tsx,mts,cts}'] })),
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // A leading underscore marks a binding kept on purpose (rest-omit, unused callback argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [...featureZones, ...subpackageZones, clientServerZone, ...moduleZones] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/src/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The domain and the contracts are reached by their aliases, never by a deep relative path
    // (scripts/alias-imports.ts rewrites old ones).
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+((server/)?src/)?(domain|contracts)/', message: 'Import the domain and the contracts as @domain/… and @contracts/….' }] },
      ],
    },
  },
  {
    // (c) contracts are types for the client: `import type { OrderDto } from '@contracts/orders'`.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@contracts/|(\\.\\./)+server/src/contracts/)',
              allowTypeImports: true,
              message: 'src/ may only `import type` from the server contracts (no server code in the bundle).',
            },
          ],
        },
      ],
    },
  },
)
