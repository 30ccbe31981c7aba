import crypto from 'node:crypto'
import {
  buildAuthorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  paySignMessage,
  requestPaymentParams,
  requestSignatureMessage,
  rsaVerify,
  signResponse,
  SIGNTEST_PREFIX,
  verifyAuthorization,
  verifyWechatpaySignature,
  wechatpayHeaders,
} from '../../server/src/wechat/pay/pay-crypto'
import { cleanDescription, toChinaRfc3339 } from '../../server/src/wechat/pay/pay-client'
import { generatePaySandboxCredentials, type PaySandboxCredentials } from '../../server/src/wechat/sandbox/pay/sandbox-credentials'
import { PaySandbox } from '../../server/src/wechat/sandbox/pay/pay-sandbox'
import { SandboxStore } from '../../server/src/wechat/sandbox/sandbox-store'
import { openTestStore } from '../support/store'

let c: PaySandboxCredentials
let platformKeys: Map<string, crypto.KeyObject>
const NOW = Date.UTC(2026, 10, 28, 2, 0, 0)
const TS = String(NOW / 1000)

beforeAll(() => {
  c = generatePaySandboxCredentials('wxsandbox0000000001')
  platformKeys = new Map([[c.publicKeyId, c.platformPublicKey]])
})

describe('sandbox credentials', () => {
  it('look like real ones and stay in memory', () => {
    expect(c.mchid).toMatch(/^1\d{9}$/)
    expect(c.merchantSerial).toMatch(/^[0-9A-F]{40}$/)
    expect(c.apiV3Key).toMatch(/^[0-9A-Za-z]{32}$/)
    expect(c.publicKeyId).toMatch(new RegExp(`^PUB_KEY_ID_01${c.mchid}\\d{16}$`))
    expect(c.merchantPrivateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(c.platformPrivateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
  })
})

describe('request signatures (merchant → WeChat Pay)', () => {
  const body = '{"appid":"wxd678efh567hg6787","mchid":"1230000109"}'
  const sign = (over: Partial<Parameters<typeof buildAuthorization>[0]> = {}) =>
    buildAuthorization({
      method: 'POST', pathAndQuery: '/v3/pay/transactions/jsapi', body, mchid: c.mchid, serialNo: c.merchantSerial,
      privateKey: c.merchantPrivateKey, timestamp: TS, nonce: 'n0nce', ...over,
    })
  const check = (authorization: string | undefined, over: { body?: string; pathAndQuery?: string; now?: number } = {}) =>
    verifyAuthorization(
      { method: 'POST', pathAndQuery: over.pathAndQuery ?? '/v3/pay/transactions/jsapi', body: over.body ?? body, authorization },
      (mchid, serial) => (mchid === c.mchid && serial === c.merchantSerial ? c.merchantPublicKey : undefined),
      over.now ?? NOW,
    )

  it('builds the five-line message of the official worked example', () => {
    const example = '{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}'
    expect(requestSignatureMessage('POST', '/v3/pay/transactions/jsapi', '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242', example)).toBe(
      `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${example}\n`,
    )
    expect(requestSignatureMessage('GET', '/v3/x?mchid=1', '1', 'n', '')).toBe('GET\n/v3/x?mchid=1\n1\nn\n\n')
  })

  it('a signed request verifies; the header parses in any order', () => {
    const header = sign()
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="\d+",nonce_str="n0nce",signature="[^"]+",timestamp="\d+",serial_no="[0-9A-F]{40}"$/)
    expect(check(header)).toEqual({ ok: true })
    const fields = header.replace(/^\S+ /, '').split(',').reverse().join(',')
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA2048 ${fields}`)).toMatchObject({ mchid: c.mchid, nonce_str: 'n0nce' })
    expect(check(`WECHATPAY2-SHA256-RSA2048 ${fields}`)).toEqual({ ok: true })
  })

  it.each([
    ['no header', undefined, {}, 'MISSING_HEADERS'],
    ['another scheme', 'Bearer abc', {}, 'MISSING_HEADERS'],
    ['a missing field', 'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="S"', {}, 'MISSING_HEADERS'],
    ['a timestamp 301 s old', 'SIGN', { now: NOW + 301_000 }, 'STALE_TIMESTAMP'],
    ['a timestamp 301 s ahead', 'SIGN', { now: NOW - 301_000 }, 'STALE_TIMESTAMP'],
    ['an altered body', 'SIGN', { body: body.replace('1230000109', '1230000108') }, 'BAD_SIGNATURE'],
    ['another path', 'SIGN', { pathAndQuery: '/v3/pay/transactions/jsapi?x=1' }, 'BAD_SIGNATURE'],
  ])('refuses %s', (_what, header, over, reason) => {
    expect(check(header === 'SIGN' ? sign() : header, over)).toEqual({ ok: false, reason })
  })

  it('accepts exactly 300 s of skew', () => {
    expect(check(sign(), { now: NOW + 300_000 })).toEqual({ ok: true })
  })

  it('refuses an unknown serial or mchid, and another key', () => {
    expect(check(sign({ serialNo: 'ABCDEF' }))).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' })
    expect(check(sign({ mchid: '1999999999' }))).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' })
    expect(check(sign({ privateKey: c.platformPrivateKey }))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it('the sandbox accepts a client-signed request and signs its answer so the client verifies it', async () => {
    const testStore = await openTestStore()
    const sandbox = new PaySandbox({ credentials: c, store: new SandboxStore(testStore.store.db), now: () => NOW })
    const payload = JSON.stringify({
      appid: c.appId, mchid: c.mchid, description: '土鸡蛋', out_trade_no: 'X20261128P1',
      notify_url: 'https://example.com/notify', amount: { total: 1280, currency: 'CNY' }, payer: { openid: 'o-buyer' },
    })
    const url = '/sandbox/wechat/pay/v3/pay/transactions/jsapi'
    const authorization = sign({ pathAndQuery: url, body: payload })
    const res = await sandbox.handle({ method: 'POST', url, headers: { authorization }, rawBody: payload }, { op: 'prepay' })
    expect(res.status).toBe(200)
    expect(res.headers['Request-ID']).toBeTruthy()
    expect(verifyWechatpaySignature(wechatpayHeaders(res.headers), res.body, platformKeys, NOW)).toEqual({ ok: true })
    const tampered = await sandbox.handle({ method: 'POST', url, headers: { authorization }, rawBody: payload.replace('1280', '1') }, { op: 'prepay' })
    expect(tampered.status).toBe(401)
    expect(JSON.parse(tampered.body)).toMatchObject({ code: 'SIGN_ERROR' })
    await sandbox.close()
    await testStore.close()
  })
})

describe('response and callback signatures (WeChat Pay → merchant)', () => {
  const body = '{"prepay_id":"wx2014"}'
  const signed = (over: Record<string, string> = {}, ms = NOW) => ({ ...wechatpayHeaders(signResponse(body, c.platformPrivateKey, c.publicKeyId, ms)), ...over })

  it('a signed body verifies, including an empty 204 body', () => {
    expect(verifyWechatpaySignature(signed(), body, platformKeys, NOW)).toEqual({ ok: true })
    const empty = wechatpayHeaders(signResponse('', c.platformPrivateKey, c.publicKeyId, NOW))
    expect(verifyWechatpaySignature(empty, '', platformKeys, NOW)).toEqual({ ok: true })
  })

  it('reads headers from fetch Headers and from lower- or mixed-case records', () => {
    const raw = signResponse(body, c.platformPrivateKey, c.publicKeyId, NOW)
    const lower = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]))
    expect(verifyWechatpaySignature(wechatpayHeaders(new Headers(raw)), body, platformKeys, NOW).ok).toBe(true)
    expect(verifyWechatpaySignature(wechatpayHeaders(lower), body, platformKeys, NOW).ok).toBe(true)
  })

  it.each([
    ['a missing signature', { signature: '' }, NOW, 'MISSING_HEADERS'],
    ['a WECHATPAY/SIGNTEST/ probe', { signature: `${SIGNTEST_PREFIX}abc` }, NOW, 'SIGNTEST_PROBE'],
    ['a stale timestamp', {}, NOW + 301_000, 'STALE_TIMESTAMP'],
    ['a non-numeric timestamp', { timestamp: '17e8' }, NOW, 'STALE_TIMESTAMP'],
    ['an unknown serial', { serial: 'PUB_KEY_ID_0199999' }, NOW, 'UNKNOWN_SERIAL'],
    ['a signature by another key', { signature: crypto.randomBytes(256).toString('base64') }, NOW, 'BAD_SIGNATURE'],
  ])('refuses %s', (_what, over, now, reason) => {
    expect(verifyWechatpaySignature(signed(over), body, platformKeys, now)).toEqual({ ok: false, reason })
  })

  it('is sensitive to every byte of the raw body (no re-serialising)', () => {
    expect(verifyWechatpaySignature(signed(), '{"prepay_id": "wx2014"}', platformKeys, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
  })
})

describe('AEAD_AES_256_GCM resources', () => {
  const plaintext = JSON.stringify({ out_trade_no: 'X1', trade_state: 'SUCCESS', note: '乡集 土鸡蛋' })

  it('round-trips with a 12-byte nonce, the AAD and a trailing 16-byte tag', () => {
    const r = encryptResource(plaintext, c.apiV3Key, 'transaction')
    expect(r).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' })
    expect(Buffer.from(r.nonce, 'utf8')).toHaveLength(12)
    expect(Buffer.from(r.ciphertext, 'base64')).toHaveLength(Buffer.byteLength(plaintext) + 16)
    expect(decryptResource(r, c.apiV3Key)).toBe(plaintext)
    const noAad = encryptResource(plaintext, c.apiV3Key, '')
    expect(decryptResource({ ciphertext: noAad.ciphertext, nonce: noAad.nonce }, c.apiV3Key)).toBe(plaintext)
  })

  it('detects tampering with the ciphertext, tag, nonce or AAD, and a wrong key', () => {
    const r = encryptResource(plaintext, c.apiV3Key, 'transaction')
    const bytes = Buffer.from(r.ciphertext, 'base64')
    const flip = (i: number) => {
      const copy = Buffer.from(bytes)
      copy[i] ^= 1
      return copy.toString('base64')
    }
    expect(() => decryptResource({ ...r, ciphertext: flip(0) }, c.apiV3Key)).toThrow()
    expect(() => decryptResource({ ...r, ciphertext: flip(bytes.length - 1) }, c.apiV3Key)).toThrow()
    expect(() => decryptResource({ ...r, nonce: 'AAAAAAAAAAAA' }, c.apiV3Key)).toThrow()
    expect(() => decryptResource({ ...r, associated_data: 'refund' }, c.apiV3Key)).toThrow()
    expect(() => decryptResource(r, 'x'.repeat(32))).toThrow()
    expect(() => decryptResource({ ...r, ciphertext: 'AAAA' }, c.apiV3Key)).toThrow()
  })
})

describe('wx.requestPayment parameters', () => {
  it('paySign verifies with the merchant public key over appId\\ntimeStamp\\nnonceStr\\npackage\\n', () => {
    const p = requestPaymentParams(c.appId, 'wx201410272009395522657a690389285100', c.merchantPrivateKey, NOW)
    expect(p).toMatchObject({ timeStamp: TS, package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    expect(p.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/)
    expect(rsaVerify(paySignMessage(c.appId, p.timeStamp, p.nonceStr, p.package), p.paySign, c.merchantPublicKey)).toBe(true)
    expect(rsaVerify(paySignMessage('wxother', p.timeStamp, p.nonceStr, p.package), p.paySign, c.merchantPublicKey)).toBe(false)
  })
})

describe('wire formats', () => {
  it('dates are RFC 3339 in China time', () => {
    expect(toChinaRfc3339(Date.UTC(2026, 10, 28, 16, 34, 56, 789))).toBe('2026-11-29T00:34:56+08:00')
  })

  it('descriptions lose 4-byte characters and stop at 127 characters', () => {
    expect(cleanDescription('土鸡蛋🥚 30枚')).toBe('土鸡蛋 30枚')
    expect(cleanDescription('菜'.repeat(200))).toHaveLength(127)
  })
})
