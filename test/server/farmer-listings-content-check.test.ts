/** msg_sec_check v2: the sandbox speaks WeChat's wire format (§4.1); the client decides on result.suggest. */
import { createContentCheck, chunkContent } from '../../server/src/wechat/content-check'
import { WechatApiError } from '../../server/src/wechat/login-client'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ SANDBOX_RISKY_WORDS: '假药,违禁词', SANDBOX_REVIEW_WORDS: '待审核' })
})
afterAll(() => t.close())

async function token(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/sandbox/wechat/cgi-bin/stable_token', payload: { grant_type: 'client_credential', appid: t.config.wechat.appId, secret: t.config.wechat.appSecret } })
  return res.json().access_token
}

const check = async (payload: unknown, accessToken?: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: `/sandbox/wechat/wxa/msg_sec_check${accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`}`,
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })
  ).json()

describe('sandbox msg_sec_check', () => {
  it('answers pass / review / risky in the v2 shape', async () => {
    const tk = await token()
    const base = { version: 2, scene: 1, openid: 'o-farmer' }
    const pass = await check({ ...base, content: '高山红富士苹果' }, tk)
    expect(pass).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String), result: { suggest: 'pass', label: 100 } })
    expect(pass.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'content_model', errcode: 0 }), expect.objectContaining({ strategy: 'keyword', errcode: 0 })]))
    expect((await check({ ...base, content: '这是待审核的内容' }, tk)).result).toEqual({ suggest: 'review', label: 21000 })
    const risky = await check({ ...base, content: '出售假药' }, tk)
    expect(risky.result).toEqual({ suggest: 'risky', label: 20006 })
    expect(risky.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '假药' }))
    expect((await check({ ...base, content: '苹果', title: '违禁词' }, tk)).result.suggest).toBe('risky')
  })

  it('answers errors as errcodes: token, JSON, scene, openid, empty', async () => {
    const tk = await token()
    expect(await check({ version: 2, scene: 1, openid: 'o', content: 'x' })).toMatchObject({ errcode: 41001 })
    expect(await check({ version: 2, scene: 1, openid: 'o', content: 'x' }, 'stale-token')).toMatchObject({ errcode: 40001 })
    expect(await check('{"content":', tk)).toMatchObject({ errcode: 47001 })
    expect(await check({ version: 2, scene: 9, openid: 'o', content: 'x' }, tk)).toMatchObject({ errcode: 40129 })
    expect(await check({ version: 2, scene: 1, content: 'x' }, tk)).toMatchObject({ errcode: 40003 })
    expect(await check({ version: 2, scene: 1, openid: 'o', content: '' }, tk)).toMatchObject({ errcode: 44002 })
    expect(await check({ scene: 1, openid: 'o', content: '假药' }, tk)).toMatchObject({ errcode: 87014 }) // v1 semantics
  })
})

describe('content check client', () => {
  const fake = (answers: Array<Record<string, unknown> | WechatApiError>) => {
    const sent: Record<string, unknown>[] = []
    return {
      sent,
      post: async (_path: string, payload: object) => {
        sent.push(payload as Record<string, unknown>)
        const next = answers.shift()!
        if (next instanceof WechatApiError) throw next
        return next
      },
    }
  }

  it('sends version 2 with scene and openid, and decides on result.suggest', async () => {
    const api = fake([{ errcode: 0, result: { suggest: 'review', label: 21000 } }])
    expect(await createContentCheck(api).checkText({ openid: 'o1', content: '土鸡蛋', scene: 1, title: '土鸡蛋' })).toBe('review')
    expect(api.sent[0]).toEqual({ content: '土鸡蛋', version: 2, scene: 1, openid: 'o1', title: '土鸡蛋' })
  })

  it('treats a v1 87014 as risky and other errcodes (61010 user not seen, -1) as "could not check"', async () => {
    expect(await createContentCheck(fake([new WechatApiError(87014, 'risky')])).checkText({ openid: 'o', content: 'x', scene: 1 })).toBe('risky')
    await expect(createContentCheck(fake([new WechatApiError(61010, 'user not visit')])).checkText({ openid: 'o', content: 'x', scene: 1 })).rejects.toBeInstanceOf(WechatApiError)
    await expect(createContentCheck(fake([{ errcode: 0 }])).checkText({ openid: 'o', content: 'x', scene: 1 })).rejects.toBeInstanceOf(WechatApiError)
  })

  it('checks long text in ≤ 2500-character pieces and keeps the worst verdict', async () => {
    expect(chunkContent('字'.repeat(5001)).map((c) => c.length)).toEqual([2500, 2500, 1])
    const api = fake([{ result: { suggest: 'pass' } }, { result: { suggest: 'review' } }, { result: { suggest: 'pass' } }])
    expect(await createContentCheck(api).checkText({ openid: 'o', content: '字'.repeat(5001), scene: 1 })).toBe('review')
    expect(api.sent).toHaveLength(3)
  })

  it('reaches the sandbox through the real access_token client', async () => {
    const { createAccessTokens } = await import('../../server/src/wechat/access-token')
    const address = t.app.server.address() as { port: number }
    const tokens = createAccessTokens({ baseUrl: () => `http://127.0.0.1:${address.port}/sandbox/wechat`, appId: t.config.wechat.appId, appSecret: t.config.wechat.appSecret })
    const client = createContentCheck(tokens)
    expect(await client.checkText({ openid: 'o', content: '新鲜土豆', scene: 1 })).toBe('pass')
    expect(await client.checkText({ openid: 'o', content: '卖假药', scene: 1 })).toBe('risky')
  })
})
