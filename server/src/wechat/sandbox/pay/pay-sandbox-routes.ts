/**
 * The fake WeChat Pay server over HTTP, mounted (sandbox mode only) at /sandbox/wechat/pay, so
 * WeChat Pay's base URL becomes `<server>/sandbox/wechat/pay`. The v3 routes read the RAW body
 * (signatures cover it byte for byte) and answer in WeChat Pay's own error shape `{code,message}`.
 * `/cashier` is the sandbox's stand-in for WeChat's payment sheet on the H5 build.
 * `POST /refund-scenario` arms what the next refund plays (the demo's and end-to-end tests'
 * switch); being ours, not WeChat's, it parses JSON and answers errors in the app's shape.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { appErrorHandler } from '../../../http/errors'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { literalUnion } from '@contracts/literals'
import { formatFen } from '@domain/money'
import { PaySandboxRefusal, REFUND_SCENARIOS, type PaySandbox, type SandboxOperation } from './pay-sandbox'

const Query = Type.Object({ mchid: Type.Optional(Type.String({ maxLength: 64 })) })
const TradeParams = Type.Object({ outTradeNo: Type.String({ maxLength: 128 }) })
const RefundParams = Type.Object({ outRefundNo: Type.String({ maxLength: 128 }) })
const CashierQuery = Type.Object({
  prepay_id: Type.Optional(Type.String({ maxLength: 128 })),
  return: Type.Optional(Type.String({ maxLength: 2048 })),
})

const RefundScenarioBody = Type.Object({ scenario: literalUnion(REFUND_SCENARIOS) }, { additionalProperties: false })

const sandboxTag = { tags: ['sandbox'] }

export const paySandboxRoutes: FastifyPluginAsyncTypebox<{ sandbox: PaySandbox }> = async (app, { sandbox }) => {
  // Keep JSON bodies as the exact string received, for this plugin only (encapsulated).
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body))
  app.setErrorHandler((err: { statusCode?: number; message: string }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) request.log.error({ err }, 'pay sandbox failure')
    const code = status === 500 ? 'SYSTEM_ERROR' : status === 400 ? 'PARAM_ERROR' : 'INVALID_REQUEST'
    return reply.status(status).send({ code, message: status === 500 ? '系统繁忙，请稍后重试' : err.message })
  })

  const forward = async (request: FastifyRequest, reply: FastifyReply, operation: SandboxOperation) => {
    const res = await sandbox.handle(
      { method: request.method, url: request.url, headers: request.headers, rawBody: typeof request.body === 'string' ? request.body : '' },
      operation,
    )
    reply.status(res.status).headers(res.headers)
    return res.body === '' ? reply.send() : reply.send(res.body)
  }

  app.post('/v3/pay/transactions/jsapi', { schema: { ...sandboxTag, summary: 'Sandbox JSAPI prepay' } }, (request, reply) =>
    forward(request, reply, { op: 'prepay' }),
  )
  app.get(
    '/v3/pay/transactions/out-trade-no/:outTradeNo',
    { schema: { ...sandboxTag, summary: 'Sandbox order query', params: TradeParams, querystring: Query } },
    (request, reply) => forward(request, reply, { op: 'query', outTradeNo: request.params.outTradeNo, mchid: request.query.mchid }),
  )
  app.post(
    '/v3/pay/transactions/out-trade-no/:outTradeNo/close',
    { schema: { ...sandboxTag, summary: 'Sandbox close order', params: TradeParams } },
    (request, reply) => forward(request, reply, { op: 'close', outTradeNo: request.params.outTradeNo }),
  )
  app.post('/v3/refund/domestic/refunds', { schema: { ...sandboxTag, summary: 'Sandbox create refund' } }, (request, reply) =>
    forward(request, reply, { op: 'refund' }),
  )
  app.get(
    '/v3/refund/domestic/refunds/:outRefundNo',
    { schema: { ...sandboxTag, summary: 'Sandbox refund query', params: RefundParams } },
    (request, reply) => forward(request, reply, { op: 'queryRefund', outRefundNo: request.params.outRefundNo }),
  )

  await app.register(refundScenarioRoute, { sandbox })

  app.get('/cashier', { schema: { ...sandboxTag, summary: 'Sandbox cashier (H5)', querystring: CashierQuery } }, async (request, reply) => {
    const prepayId = request.query.prepay_id ?? ''
    const view = await sandbox.cashierView(prepayId)
    const returnUrl = safeReturn(request.query.return, `${request.protocol}://${request.host}`)
    reply
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'")
      .type('text/html; charset=utf-8')
    if (!view) return reply.status(404).send(cashierPage({ problem: '支付单不存在或已失效', returnUrl, prepayId, payUrl: '' }))
    return cashierPage({ ...view, returnUrl, prepayId, payUrl: `${app.prefix}/cashier/pay` })
  })

  app.post('/cashier/pay', { schema: { ...sandboxTag, summary: 'Sandbox cashier: the buyer confirms' } }, async (request, reply) => {
    let prepayId: unknown
    try {
      prepayId = (JSON.parse(String(request.body ?? '')) as { prepayId?: unknown }).prepayId
    } catch {
      prepayId = undefined
    }
    if (typeof prepayId !== 'string') return reply.status(400).send({ code: 'PARAM_ERROR', message: '缺少prepayId' })
    try {
      const tx = await sandbox.userPays(prepayId)
      return { trade_state: tx.trade_state, out_trade_no: tx.out_trade_no }
    } catch (err) {
      if (err instanceof PaySandboxRefusal) return reply.status(400).send({ code: err.code, message: err.message })
      throw err
    }
  })
}

/** POST /refund-scenario: JSON parsed as usual, errors in the app's shape, not WeChat's. */
const refundScenarioRoute: FastifyPluginAsyncTypebox<{ sandbox: PaySandbox }> = async (app, { sandbox }) => {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))
  // The app's own error shape here, not WeChat's (this is our switch, not a WeChat API).
  app.setErrorHandler(appErrorHandler)
  app.post(
    '/refund-scenario',
    {
      schema: {
        ...sandboxTag,
        summary: 'Sandbox: what the next refund plays (SUCCESS, CLOSED, ABNORMAL, ABNORMAL_THEN_SUCCESS, REFUSED, SUCCESS_NOTICE_LOST)',
        body: RefundScenarioBody,
        response: { 200: RefundScenarioBody },
      },
    },
    async (request) => {
      await sandbox.armRefundScenario(request.body.scenario)
      return { scenario: request.body.scenario }
    },
  )
}

/** Only same-origin destinations: a relative path (not //host) or a URL under this origin. */
export function safeReturn(value: string | undefined, origin: string): string | null {
  if (!value || /[\u0000-\u001f\u007f\\]/.test(value)) return null
  if (/^\/(?!\/)/.test(value)) return value
  if (value === origin || ['/', '?', '#'].some((sep) => value.startsWith(origin + sep))) return value
  return null
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

function cashierPage(p: { description?: string; amountFen?: number; problem?: string; returnUrl: string | null; prepayId: string; payUrl: string }): string {
  const config = JSON.stringify({ prepayId: p.prepayId, payUrl: p.payUrl, returnUrl: p.returnUrl }).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>沙箱收银台 — 模拟微信支付</title><link rel="icon" href="data:,">
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#111}
.banner{background:#fa9d3b;color:#fff;text-align:center;padding:8px;font-size:14px}
.sheet{max-width:420px;margin:24px auto;background:#fff;border-radius:12px;padding:24px;text-align:center}
.merchant{color:#555}.desc{color:#888;font-size:14px;margin-top:4px}.amount{font-size:40px;font-weight:600;margin:20px 0}
button{display:block;width:100%;padding:12px;border:0;border-radius:8px;font-size:17px;margin-top:12px;cursor:pointer}
#sandbox-pay-confirm{background:#07c160;color:#fff}#sandbox-pay-confirm:disabled{background:#9ed9b6}
#sandbox-pay-cancel{background:#f2f2f2;color:#07c160}.status{min-height:1.5em;margin-top:12px;color:#d93025}
</style></head><body>
<div class="banner">沙箱收银台 — 模拟微信支付（不会产生真实扣款）</div>
<main class="sheet">
<div class="merchant">商户：乡集</div>
${p.description !== undefined ? `<div class="desc">${escapeHtml(p.description)}</div>` : ''}
<div class="amount">${p.amountFen !== undefined ? formatFen(p.amountFen) : '—'}</div>
<button id="sandbox-pay-confirm" type="button"${p.problem ? ' disabled' : ''}>确认支付</button>
<button id="sandbox-pay-cancel" type="button">取消</button>
<div class="status" id="sandbox-pay-status" role="status">${p.problem ? escapeHtml(p.problem) : ''}</div>
</main>
<script>
(function () {
  var c = ${config};
  var confirmBtn = document.getElementById('sandbox-pay-confirm');
  var statusEl = document.getElementById('sandbox-pay-status');
  function leave(message, ok) {
    if (c.returnUrl) { location.href = c.returnUrl; return; }
    statusEl.style.color = ok ? '#07c160' : '#555';
    statusEl.textContent = message;
  }
  confirmBtn.addEventListener('click', function () {
    confirmBtn.disabled = true;
    statusEl.textContent = '';
    fetch(c.payUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prepayId: c.prepayId }) })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .then(function (r) {
        if (r.ok) return leave('支付成功，可以关闭此页面', true);
        statusEl.textContent = (r.body && r.body.message) || '支付失败';
      })
      .catch(function () { confirmBtn.disabled = false; statusEl.textContent = '网络异常，请重试'; });
  });
  document.getElementById('sandbox-pay-cancel').addEventListener('click', function () { leave('已取消支付', false); });
})();
</script>
</body></html>`
}
