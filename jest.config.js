/**
 * Jest for everything. Projects: server + domain (ts-jest, node), weapp (the compiled
 * dist/weapp in miniprogram-simulate, jsdom, no transform), e2e (Chromium against `npm start`).
 *
 * Jest 29 cannot `require()` an ES module, which Node 20 itself can, and Fastify's test
 * injector now depends on the ESM-only `cookie` 2. Each such package is bundled once into a
 * CommonJS copy under node_modules/.cache/jest-cjs (esbuild) and mapped there.
 */
const fs = require('node:fs')
const path = require('node:path')

const ESM_ONLY = ['cookie']

// Path aliases (@domain/*, @contracts/*) come from tsconfig.json `compilerOptions.paths`, the single source.
const { pathsToModuleNameMapper } = require('ts-jest')
const ts = require('typescript')
const tsconfig = ts.readConfigFile(path.join(__dirname, 'tsconfig.json'), ts.sys.readFile).config
const ALIASES = pathsToModuleNameMapper(tsconfig.compilerOptions.paths ?? {}, { prefix: '<rootDir>/' })

function cjsCopy(name) {
  const out = path.join(__dirname, 'node_modules/.cache/jest-cjs', `${name}.js`)
  const entry = require.resolve(name)
  if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(entry).mtimeMs) {
    require('esbuild').buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' })
  }
  return out
}

const tsJest = ['ts-jest', { diagnostics: false }]
const nodeProject = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { ...ALIASES, ...Object.fromEntries(ESM_ONLY.map((name) => [`^${name}$`, cjsCopy(name)])) },
}

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...nodeProject, displayName: 'server', testMatch: ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/test/domain/**/*.test.ts'] },
    { displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/weapp/**/*.test.js'], transform: {} },
    { ...nodeProject, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
