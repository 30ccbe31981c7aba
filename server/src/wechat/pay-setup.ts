/**
 * The WeChat Pay client for this server: against the sandbox merchant in sandbox mode (its keys
 * generated once per store and read back by every instance, nothing on disk), or the real API
 * with configured credentials.
 */
import type { Config } from '../config'
import { createWechatPayClient, type WechatPayClient } from './pay/pay-client'
import type { SandboxStore } from './sandbox/sandbox-store'
import { loadPaySandboxCredentials, sandboxClientSettings } from './sandbox/pay/sandbox-credentials'
import { PaySandbox, type PaySandboxOptions } from './sandbox/pay/pay-sandbox'

export const PAY_SANDBOX_PREFIX = '/sandbox/wechat/pay'

export interface PaySetup {
  client: WechatPayClient
  mchid: string
  sandbox: PaySandbox | null
}

export async function setUpWechatPay(
  config: Config,
  ownBaseUrl: () => string,
  sandboxStore: SandboxStore,
  sandboxOptions: Partial<PaySandboxOptions> = {},
  now: () => number = Date.now,
): Promise<PaySetup> {
  if (config.wechat.mode === 'sandbox') {
    const credentials = await loadPaySandboxCredentials(sandboxStore, config.wechat.appId)
    // Notifications are retried on WeChat's schedule, ten times faster, so a demo recovers quickly.
    const sandbox = new PaySandbox({ credentials, store: sandboxStore, now, retryScale: 0.1, refundDelayMs: 2000, ...sandboxOptions })
    const client = createWechatPayClient({ ...sandboxClientSettings(credentials), baseUrl: () => `${ownBaseUrl()}${PAY_SANDBOX_PREFIX}`, now })
    return { client, mchid: credentials.mchid, sandbox }
  }
  const live = config.wechatPay
  if (!live) throw new Error('live mode needs the WECHATPAY_* settings')
  const client = createWechatPayClient({
    baseUrl: () => live.apiBaseUrl,
    appId: config.wechat.appId,
    mchid: live.mchid,
    merchantSerial: live.merchantSerial,
    merchantPrivateKey: live.merchantPrivateKey,
    apiV3Key: live.apiV3Key,
    platformKeys: new Map([[live.publicKeyId, live.publicKey]]),
    publicKeyId: live.publicKeyId,
    now,
  })
  return { client, mchid: live.mchid, sandbox: null }
}
