/**
 * How the pay sandbox answers: every answer carries Request-ID, errors are WeChat's `{code, message}`,
 * and a 2xx is signed with the platform key under the PUB_KEY_ID_… serial (unless a test switch
 * asks for an unsigned or WECHATPAY/SIGNTEST/ probe answer).
 */
import crypto from 'node:crypto'
import { signResponse, SIGNTEST_PREFIX } from '../../pay/pay-crypto'
import { requestId } from './pay-sandbox-ids'
import type { ApiFailure, SandboxResponse } from './pay-sandbox-types'
import type { PaySandboxCredentials } from './sandbox-credentials'

const JSON_TYPE = 'application/json; charset=utf-8'

/** The Wechatpay-* headers WeChat Pay signs a body with at `ms`. */
export const platformSign = (c: PaySandboxCredentials, body: string, ms: number): Record<string, string> =>
  signResponse(body, c.platformPrivateKey, c.publicKeyId, ms)

export function errorResponse(status: number, code: string, message: string): SandboxResponse {
  return { status, headers: { 'Request-ID': requestId(), 'Content-Type': JSON_TYPE }, body: JSON.stringify({ code, message }) }
}

/** A successful answer; `failure` (an armed switch) may leave it unsigned or sign it as a probe. */
export function successResponse(
  status: number,
  json: object | undefined,
  failure: ApiFailure | undefined,
  c: PaySandboxCredentials,
  now: () => number,
): SandboxResponse {
  const body = json === undefined ? '' : JSON.stringify(json)
  const headers: Record<string, string> = { 'Request-ID': requestId() }
  if (json !== undefined) headers['Content-Type'] = JSON_TYPE
  if (failure === 'UNSIGNED_RESPONSE') return { status, headers, body }
  const signed = platformSign(c, body, now())
  if (failure === 'SIGNTEST_RESPONSE') signed['Wechatpay-Signature'] = SIGNTEST_PREFIX + crypto.randomBytes(64).toString('base64')
  return { status, headers: { ...headers, ...signed }, body }
}
