/**
 * Throwaway WeChat Pay credentials for the sandbox, generated at start and kept in memory only
 * (nothing is written to disk or committed): a merchant (mchid, RSA-2048 API key pair, 40-hex
 * certificate serial, APIv3 key) and "WeChat Pay" itself in public-key mode (RSA-2048 key pair
 * and a PUB_KEY_ID_… id), as wechat-protocols.md §2.12 suggests.
 */
import crypto, { type KeyObject } from 'node:crypto'
import { randomAlphanumeric } from '../../pay/pay-crypto'

export interface PaySandboxCredentials {
  appId: string
  /** 10 digits, like a real merchant number. */
  mchid: string
  /** Serial of the merchant API certificate (40 upper-case hex). */
  merchantSerial: string
  merchantPrivateKey: KeyObject
  merchantPublicKey: KeyObject
  /** 32 ASCII alphanumerics. */
  apiV3Key: string
  /** WeChat Pay's own signing key (the sandbox signs answers and callbacks with it). */
  platformPrivateKey: KeyObject
  platformPublicKey: KeyObject
  /** PUB_KEY_ID_01<mchid><16 digits>, sent and received as `Wechatpay-Serial`. */
  publicKeyId: string
}

const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('')

function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
}

export function generatePaySandboxCredentials(appId: string): PaySandboxCredentials {
  const mchid = `1${digits(9)}`
  const merchant = rsaPair()
  const platform = rsaPair()
  return {
    appId,
    mchid,
    merchantSerial: crypto.randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    apiV3Key: randomAlphanumeric(32),
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
    publicKeyId: `PUB_KEY_ID_01${mchid}${digits(16)}`,
  }
}

/** The merchant-side settings a WeChat Pay client needs to talk to this sandbox. */
export function sandboxClientSettings(c: PaySandboxCredentials) {
  return {
    appId: c.appId,
    mchid: c.mchid,
    merchantSerial: c.merchantSerial,
    merchantPrivateKey: c.merchantPrivateKey,
    apiV3Key: c.apiV3Key,
    platformKeys: new Map([[c.publicKeyId, c.platformPublicKey]]),
    publicKeyId: c.publicKeyId,
  }
}
