/**
 * The farmer's fulfilment (orders to ship, shipping, packing list, home figures) registers itself
 * from app.ts: routes, the two durable jobs that talk to WeChat, and — in sandbox mode — the fake
 * shipping-info and subscribe-message endpoints under /sandbox/wechat.
 */
import type { ModuleContext } from '../../module-context'
import type { PaySandbox } from '../../wechat/sandbox/pay/pay-sandbox'
import { ShippingSandbox, shippingSandboxRoutes, type PaymentLookup } from '../../wechat/sandbox/shipping-sandbox'
import { SubscribeSandbox, subscribeSandboxRoutes } from '../../wechat/sandbox/subscribe-sandbox'
import { createShippingInfoClient } from '../../wechat/shipping-info'
import { createSubscribeMessageClient } from '../../wechat/subscribe-message'
import { createFarmerFigures } from './farmer-figures-service'
import { createFarmerOrderService } from './farmer-order-service'
import { fulfilmentRoutes } from './fulfilment-routes'
import { SEND_SHIPPED_MESSAGE_JOB, UPLOAD_SHIPPING_INFO_JOB } from './ship-orders'
import { createShippedMessageJob } from './shipped-message-job'
import { createShippingUploadJob } from './shipping-upload-job'

/** Same prefix as app.ts's SANDBOX_PREFIX (not imported: app.ts imports this module). */
const SANDBOX_PREFIX = '/sandbox/wechat'

/** The sandbox WeChat knows a payment the way WeChat Pay recorded it (by mchid + out_trade_no). */
function payLookup(pay: PaySandbox): PaymentLookup {
  return async ({ mchid, outTradeNo }) => {
    if (!outTradeNo) return undefined
    const tx = await pay.transaction(outTradeNo)
    if (!tx || tx.mchid !== mchid || !tx.payer || (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'REFUND')) return null
    return { payerOpenid: tx.payer.openid }
  }
}

export async function registerFulfilment(ctx: ModuleContext): Promise<void> {
  const { app, db, clock, config } = ctx
  const mchid = ctx.wechatPay.mchid

  await app.register(fulfilmentRoutes, {
    auth: ctx.auth,
    orders: createFarmerOrderService(db, clock),
    figures: createFarmerFigures(db, clock),
  })

  ctx.jobHandlers[UPLOAD_SHIPPING_INFO_JOB] = createShippingUploadJob({ db, client: createShippingInfoClient(ctx.accessTokens), mchid, log: app.log })
  ctx.jobHandlers[SEND_SHIPPED_MESSAGE_JOB] = createShippedMessageJob({
    db,
    client: createSubscribeMessageClient(ctx.accessTokens),
    templateId: config.wechat.templateOrderShipped,
    log: app.log,
  })

  if (ctx.sandboxMode && app.sandbox) {
    const now = () => clock().getTime()
    const shipping = new ShippingSandbox({ store: app.sandbox.store, now, lookupPayment: payLookup(app.sandbox.pay) })
    const subscribe = new SubscribeSandbox(app.sandbox.store, [config.wechat.templateOrderShipped].filter(Boolean), now)
    app.sandbox.shipping = shipping
    app.sandbox.subscribe = subscribe
    await app.register(shippingSandboxRoutes, { prefix: SANDBOX_PREFIX, sandbox: shipping, accessTokens: app.sandbox.accessTokens })
    await app.register(subscribeSandboxRoutes, { prefix: SANDBOX_PREFIX, sandbox: subscribe, accessTokens: app.sandbox.accessTokens })
  }
}
