/**
 * Paying a checkout with WeChat Pay (JSAPI prepay → wx.requestPayment parameters), learning the
 * outcome (signed notification, or a query when none arrived), and refunds. A payment is
 * applied exactly once, under a row lock; a payment for orders no longer awaiting it is refunded.
 */
import type { Db } from '../../db/client'
import type { CheckoutDto, PayResultDto } from '../../contracts/orders'
import { AppError, notFound } from '../../http/errors'
import { WechatPayError, type Transaction, type WechatPayClient } from '../../wechat/pay/pay-client'
import type { JobHandler } from '../../jobs/job-runner'
import { sumFen } from '../../../../src/domain/money'
import { toCheckout } from '../orders/order-mapper'
import { outTradeNo } from '../orders/order-numbers'
import { findCheckout, itemsOf, ordersOfCheckout } from '../orders/order-repository'
import { settlePayment } from '../orders/order-lifecycle'
import { CLOSE_PAYMENT_JOB, closeOpenPayments } from './payment-ledger'
import {
  findPayment,
  insertPayment,
  markPaymentPaid,
  openPaymentOf,
  openidOf,
  paymentsOfCheckout,
  setPrepayId,
  unsettledPaymentsOf,
} from './payment-repository'

export interface PaymentServiceDeps {
  db: Db
  clock: () => Date
  pay: WechatPayClient
  appId: string
  mchid: string
  /** Public base of our notify endpoints (https in production). */
  notifyBaseUrl: () => string
  /** Sandbox only: the cashier page URL for a prepay, returning to `returnPath`. */
  sandboxCashierUrl: ((prepayId: string, returnPath: string) => string) | null
}

/** A notification we refuse to apply; answered with this HTTP status so WeChat Pay retries or stops. */
export class NotificationRefused extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export const PAYMENT_NOTIFY_PATH = '/api/v1/payments/wechat/notify'
export const REFUND_NOTIFY_PATH = '/api/v1/refunds/wechat/notify'

export function createPaymentService(deps: PaymentServiceDeps) {
  const { db, clock, pay } = deps

  async function description(orderIds: number[]): Promise<string> {
    const items = await itemsOf(db, orderIds)
    const pieces = items.reduce((n, i) => n + i.quantity, 0)
    return `乡集-${items[0]?.title ?? '农产品'}${pieces > 1 ? `等${pieces}件` : ''}`
  }

  /** Checks a transaction WeChat Pay reported against our payment and applies it once. */
  async function applyTransaction(trans: Transaction): Promise<void> {
    if (trans.appid !== deps.appId || trans.mchid !== deps.mchid) throw new NotificationRefused(400, 'appid or mchid is not ours')
    const payment = await findPayment(db, { outTradeNo: trans.out_trade_no })
    if (!payment) throw new NotificationRefused(404, `unknown out_trade_no ${trans.out_trade_no}`)
    if (trans.trade_state !== 'SUCCESS') return
    if (trans.amount?.total !== payment.amountFen) {
      throw new NotificationRefused(400, `amount ${trans.amount?.total} differs from ${payment.amountFen} for ${payment.outTradeNo}`)
    }
    const paidAt = trans.success_time ? new Date(trans.success_time) : clock()
    await db.transaction(async (tx) => {
      const locked = await findPayment(tx, { id: payment.id }, true)
      if (!locked || locked.status === 'paid') return
      await markPaymentPaid(tx, locked.id, trans.transaction_id ?? null, Number.isNaN(paidAt.getTime()) ? clock() : paidAt)
      await settlePayment(tx, locked.id, locked.orderIds, clock())
    })
  }

  /** Asks WeChat Pay about every payment of a checkout not known to be paid; applies successes. */
  async function reconcile(checkoutId: number): Promise<void> {
    for (const payment of await unsettledPaymentsOf(db, checkoutId)) {
      try {
        await applyTransaction(await pay.queryByOutTradeNo(payment.outTradeNo))
      } catch (err) {
        if (!(err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST')) throw err
      }
    }
  }

  async function ownCheckout(buyerId: number, checkoutId: number) {
    const checkout = await findCheckout(db, checkoutId, buyerId)
    if (!checkout) throw notFound('Checkout')
    return checkout
  }

  return {
    async pay(buyerId: number, checkoutId: number): Promise<PayResultDto> {
      const checkout = await ownCheckout(buyerId, checkoutId)
      const now = clock()
      if (checkout.expiresAt <= now) throw new AppError(409, 'CHECKOUT_EXPIRED', 'The time to pay has passed')
      const payment = await db.transaction(async (tx) => {
        await findCheckout(tx, checkoutId, buyerId, true)
        const pending = (await ordersOfCheckout(tx, checkoutId)).filter((o) => o.status === 'pending_payment')
        if (pending.length === 0) throw new AppError(409, 'NOTHING_TO_PAY', 'No order of this checkout awaits payment')
        const orderIds = pending.map((o) => o.id)
        const amountFen = sumFen(pending.map((o) => o.totalFen))
        const open = await openPaymentOf(tx, checkoutId)
        if (open && open.amountFen === amountFen && open.orderIds.join() === orderIds.join()) return open
        if (open) await closeOpenPayments(tx, checkoutId, now)
        const attempt = (await paymentsOfCheckout(tx, checkoutId)).length + 1
        return insertPayment(tx, {
          outTradeNo: outTradeNo(checkout.checkoutNo, attempt),
          checkoutId,
          orderIds,
          amountFen,
          payerOpenid: await openidOf(tx, buyerId),
          expiresAt: checkout.expiresAt,
          createdAt: now,
        })
      })
      let prepayId = payment.prepayId
      if (!prepayId) {
        try {
          // Same parameters give the same prepay_id, so a concurrent or retried call is harmless.
          prepayId = (
            await pay.jsapiPrepay({
              outTradeNo: payment.outTradeNo,
              description: await description(payment.orderIds),
              amountFen: payment.amountFen,
              payerOpenid: payment.payerOpenid,
              timeExpire: payment.expiresAt,
              notifyUrl: `${deps.notifyBaseUrl()}${PAYMENT_NOTIFY_PATH}`,
            })
          ).prepayId
        } catch (err) {
          if (err instanceof WechatPayError) throw new AppError(502, 'PAYMENT_UNAVAILABLE', `WeChat Pay did not take the order (${err.code}); try again`)
          throw err
        }
        await setPrepayId(db, payment.id, prepayId)
      }
      return {
        outTradeNo: payment.outTradeNo,
        amountFen: payment.amountFen,
        requestPayment: pay.requestPayment(prepayId),
        sandboxCashierUrl: deps.sandboxCashierUrl?.(prepayId, `/#/pages/pay-result/index?checkoutId=${checkoutId}`) ?? null,
      }
    },

    /** After the buyer returns from paying: query WeChat Pay if no notification has arrived yet. */
    async sync(buyerId: number, checkoutId: number): Promise<CheckoutDto> {
      const checkout = await ownCheckout(buyerId, checkoutId)
      await reconcile(checkoutId).catch(() => undefined)
      return toCheckout(db, checkout, await ordersOfCheckout(db, checkoutId))
    },

    reconcile,

    /** TRANSACTION.* notifications. Throws NotificationRejected / NotificationRefused for a non-2xx answer. */
    async onPaymentNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
      const notice = pay.parseNotification(headers, rawBody)
      if (notice.eventType !== 'TRANSACTION.SUCCESS') return
      await applyTransaction(notice.resource as unknown as Transaction)
    },

    jobs: {
      /** Closes a prepay we no longer want paid; if it was paid meanwhile, applies that instead. */
      [CLOSE_PAYMENT_JOB]: (async (payload) => {
        const payment = await findPayment(db, { id: Number(payload.paymentId) })
        if (!payment?.prepayId || payment.status === 'paid') return
        try {
          const trans = await pay.queryByOutTradeNo(payment.outTradeNo)
          if (trans.trade_state === 'SUCCESS') return applyTransaction(trans)
          if (trans.trade_state === 'CLOSED') return
          await pay.closeOrder(payment.outTradeNo)
        } catch (err) {
          if (err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST') return
          throw err
        }
      }) satisfies JobHandler,
    },

  }
}

export type PaymentService = ReturnType<typeof createPaymentService>
