import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import ts from 'typescript'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build config. Output goes to dist/<platform> (dist/weapp, dist/h5).
 * The API base URL is fixed at build time for weapp (TARO_APP_API_BASE, default
 * http://localhost:3000); the H5 build talks to its own origin (the API server serves it).
 */
const platform = process.env.TARO_ENV || 'weapp'
const apiBase = process.env.TARO_APP_API_BASE || 'http://localhost:3000'

/** Webpack aliases from tsconfig.json `compilerOptions.paths` (the single source): '@domain/*' → <root>/src/domain. */
function tsconfigAliases(): Record<string, string> {
  const root = path.resolve(__dirname, '..')
  const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile)
  const { baseUrl = '.', paths = {} } = (config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> }
  const stem = (p: string) => p.replace(/\/\*$/, '')
  return Object.fromEntries(Object.entries(paths).map(([key, [target]]) => [stem(key), path.resolve(root, baseUrl, stem(target))]))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiangji',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    alias: tsconfigAliases(),
    outputRoot: `dist/${platform}`,
    plugins: [],
    // Becomes `process.env.TARO_APP_API_BASE` in the bundle (values are JSON-encoded).
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Modules used only by a subpackage stay in that subpackage.
      optimizeMainPackage: { enable: true },
      // Styles are BEM-scoped, so the order of shared CSS chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the API server serves dist/h5/index.html at `/` without a history fallback.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Taro splits only initial chunks on H5, so every lazily loaded page would carry its own copy
      // of the shared components and libraries; split async page chunks too.
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
