import { ConfigError, loadConfig } from '../../server/src/config'

describe('configuration', () => {
  it('defaults to the embedded store and the WeChat sandbox on port 3000', () => {
    const config = loadConfig({}, '/srv/xiangji')
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/xiangji/data', wechat: { mode: 'sandbox', apiBaseUrl: null } })
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ WECHAT_MODE: 'fake' }, 'WECHAT_MODE'],
    [{ NODE_ENV: 'production' }, 'WECHAT_MODE'],
    [{ WECHAT_MODE: 'live', WECHAT_APPID: 'nope' }, 'WECHAT_APPID'],
    [{ WECHAT_MODE: 'live', WECHAT_APPID: 'wx0123456789abcdef' }, 'WECHAT_SECRET'],
    [{ SEED_DEMO_DATA: 'perhaps' }, 'SEED_DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`))
  })

  it('refuses sandbox mode in production but accepts live credentials', () => {
    const config = loadConfig({ NODE_ENV: 'production', WECHAT_MODE: 'live', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: '0123456789abcdef0123' })
    expect(config.wechat).toMatchObject({ mode: 'live', apiBaseUrl: 'https://api.weixin.qq.com' })
    expect(config.seedDemoData).toBe(false)
  })
})
