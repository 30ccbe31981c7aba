/**
 * code2Session (auth.code2Session) over fetch, exactly as WeChat speaks it:
 * GET /sns/jscode2session, errors as HTTP 200 with an errcode (a missing errcode is success).
 */
export interface WechatSession {
  openid: string
  unionid?: string
  /** Kept on the server only: never sent to a client. */
  sessionKey: string
}

export class WechatApiError extends Error {
  constructor(
    public readonly errcode: number,
    errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`)
  }
}

export interface LoginClientOptions {
  baseUrl: () => string
  appId: string
  appSecret: string
  fetchImpl?: typeof fetch
  timeoutMs?: number
}

export function createLoginClient(opts: LoginClientOptions) {
  const doFetch = opts.fetchImpl ?? fetch
  return {
    async code2Session(code: string): Promise<WechatSession> {
      const query = new URLSearchParams({
        appid: opts.appId,
        secret: opts.appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      let body: Record<string, unknown>
      try {
        const res = await doFetch(`${opts.baseUrl()}/sns/jscode2session?${query}`, {
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        })
        body = (await res.json()) as Record<string, unknown>
      } catch (err) {
        throw new WechatApiError(-1, `unreachable: ${(err as Error).message}`)
      }
      const errcode = typeof body.errcode === 'number' ? body.errcode : 0
      if (errcode !== 0) throw new WechatApiError(errcode, String(body.errmsg ?? ''))
      if (typeof body.openid !== 'string' || typeof body.session_key !== 'string') {
        throw new WechatApiError(-1, 'malformed code2Session response')
      }
      return {
        openid: body.openid,
        sessionKey: body.session_key,
        ...(typeof body.unionid === 'string' ? { unionid: body.unionid } : {}),
      }
    },
  }
}

export type LoginClient = ReturnType<typeof createLoginClient>
