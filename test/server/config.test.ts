import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../server/src/config'

/** Live WeChat Pay settings with throwaway key files (written to a temp folder for these tests). */
let livePay: Record<string, string>
let keyDir: string
beforeAll(() => {
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangji-config-'))
  const merchant = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const platform = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  fs.writeFileSync(path.join(keyDir, 'apiclient_key.pem'), merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }))
  fs.writeFileSync(path.join(keyDir, 'pub_key.pem'), platform.publicKey.export({ type: 'spki', format: 'pem' }))
  livePay = {
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx0123456789abcdef',
    WECHAT_SECRET: '0123456789abcdef0123',
    WECHATPAY_MCHID: '1900009191',
    WECHATPAY_MERCHANT_SERIAL: '1dde55ad98ed71d6edd4a4a16996de7b47773a8c',
    WECHATPAY_MERCHANT_KEY_PATH: path.join(keyDir, 'apiclient_key.pem'),
    WECHATPAY_APIV3_KEY: 'a'.repeat(16) + 'B'.repeat(16),
    WECHATPAY_PUBLIC_KEY_PATH: path.join(keyDir, 'pub_key.pem'),
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000',
    WECHATPAY_NOTIFY_BASE_URL: 'https://shop.example.cn',
  }
})
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }))

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
    const config = loadConfig({ ...livePay, NODE_ENV: 'production', WECHAT_MODE: 'live', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: '0123456789abcdef0123' })
    expect(config.wechat).toMatchObject({ mode: 'live', apiBaseUrl: 'https://api.weixin.qq.com' })
    expect(config.seedDemoData).toBe(false)
  })

  it('has no WeChat Pay settings in sandbox mode, and a 30-minute pay window by default', () => {
    const config = loadConfig({ WECHATPAY_MCHID: '1900009191' })
    expect(config.wechatPay).toBeNull()
    expect(config.payWindowMinutes).toBe(30)
    expect(loadConfig({ PAY_WINDOW_MINUTES: '1440' }).payWindowMinutes).toBe(1440)
  })

  it('reads the sandbox content check’s test words, with defaults', () => {
    expect(loadConfig({})).toMatchObject({ sandboxRiskyWords: ['违禁词', '赌博'], sandboxReviewWords: ['待审核'] })
    expect(loadConfig({ SANDBOX_RISKY_WORDS: '假药, 枪支，诈骗' }).sandboxRiskyWords).toEqual(['假药', '枪支', '诈骗'])
  })

  it('reads live WeChat Pay settings and parses both keys', () => {
    const config = loadConfig(livePay)
    expect(config.wechatPay).toMatchObject({
      mchid: '1900009191',
      merchantSerial: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
      apiV3Key: livePay.WECHATPAY_APIV3_KEY,
      publicKeyId: 'PUB_KEY_ID_0114232134912410000000000000',
      apiBaseUrl: 'https://api.mch.weixin.qq.com',
      notifyBaseUrl: 'https://shop.example.cn',
    })
    expect(config.wechatPay!.merchantPrivateKey.type).toBe('private')
    expect(config.wechatPay!.publicKey.type).toBe('public')
    expect(loadConfig({ ...livePay, WECHATPAY_API_BASE_URL: 'https://api2.mch.weixin.qq.com/' }).wechatPay!.apiBaseUrl).toBe('https://api2.mch.weixin.qq.com')
  })

  it.each([
    [{ PAY_WINDOW_MINUTES: '0' }, 'PAY_WINDOW_MINUTES'],
    [{ PAY_WINDOW_MINUTES: '1441' }, 'PAY_WINDOW_MINUTES'],
    [{ PAY_WINDOW_MINUTES: 'half an hour' }, 'PAY_WINDOW_MINUTES'],
    [{ SANDBOX_RISKY_WORDS: ' , ，' }, 'SANDBOX_RISKY_WORDS'],
    [{ SANDBOX_REVIEW_WORDS: 'x'.repeat(21) }, 'SANDBOX_REVIEW_WORDS'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`))
  })

  it.each([
    ['WECHATPAY_MCHID', ''],
    ['WECHATPAY_MCHID', 'merchant1'],
    ['WECHATPAY_MERCHANT_SERIAL', ''],
    ['WECHATPAY_MERCHANT_SERIAL', 'not-hex'],
    ['WECHATPAY_MERCHANT_KEY_PATH', ''],
    ['WECHATPAY_MERCHANT_KEY_PATH', '/nonexistent/apiclient_key.pem'],
    ['WECHATPAY_MERCHANT_KEY_PATH', 'PUBLIC_KEY_FILE'],
    ['WECHATPAY_APIV3_KEY', ''],
    ['WECHATPAY_APIV3_KEY', 'x'.repeat(31)],
    ['WECHATPAY_APIV3_KEY', 'x'.repeat(33)],
    ['WECHATPAY_PUBLIC_KEY_PATH', ''],
    ['WECHATPAY_PUBLIC_KEY_PATH', '/nonexistent/pub_key.pem'],
    ['WECHATPAY_PUBLIC_KEY_PATH', 'PRIVATE_KEY_FILE'],
    ['WECHATPAY_PUBLIC_KEY_ID', ''],
    ['WECHATPAY_PUBLIC_KEY_ID', '0114232134912410000000000000'],
    ['WECHATPAY_NOTIFY_BASE_URL', ''],
    ['WECHATPAY_NOTIFY_BASE_URL', 'http://shop.example.cn'],
    ['WECHATPAY_NOTIFY_BASE_URL', 'https://shop.example.cn/?x=1'],
    ['WECHATPAY_API_BASE_URL', 'ftp://api.mch.weixin.qq.com'],
  ])('in live mode refuses %s=%j naming it', (variable, value) => {
    const resolved = value === 'PUBLIC_KEY_FILE' ? livePay.WECHATPAY_PUBLIC_KEY_PATH : value === 'PRIVATE_KEY_FILE' ? livePay.WECHATPAY_MERCHANT_KEY_PATH : value
    const env = { ...livePay, [variable]: resolved }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`))
  })
})
