/**
 * The use cases where orders and money meet: paying a checkout, a payment WeChat Pay reports
 * (notice, query or a close that found it paid), the buyer's cancel and the unpaid deadline.
 * Orders decide (which orders become paid, cancelled or must be refunded); payments carry it
 * out (prepay, close, refund). Every transaction here takes its locks as lock-order.ts says and
 * is retried when PostgreSQL aborts it as a deadlock victim.
 */
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import type { CheckoutDto, OrderDetailDto, PayResultDto } from '@contracts/orders'
import { sumFen } from '@domain/money'
import { actionsFor } from '@domain/order-states'
import { AppError, notFound } from '../../http/errors'
import type { JobHandler } from '../../jobs/job-runner'
import type { Transaction } from '../../wechat/pay/pay-client'
import {
  cancelByBuyer,
  EXPIRE_CHECKOUT_JOB,
  expireOrders,
  findCheckout,
  findOrder,
  itemsOf,
  payOrders,
  releaseStockOf,
  type OrderService,
} from '../orders'
import { CLOSE_PAYMENT_JOB, closeOpenPayments, markPaymentPaid, PaidMeanwhile, paymentFor, requestRefund, returnPayment, type PaymentService } from '../payments'
import { lockMoneyPath } from './lock-order'

export interface OrderPaymentsDeps {
  db: Db
  clock: () => Date
  orders: OrderService
  payments: PaymentService
}

export function createOrderPaymentsService({ db, clock, orders, payments }: OrderPaymentsDeps) {
  async function description(orderIds: number[]): Promise<string> {
    const items = await itemsOf(db, orderIds)
    const pieces = items.reduce((n, i) => n + i.quantity, 0)
    return `乡集-${items[0]?.title ?? '农产品'}${pieces > 1 ? `等${pieces}件` : ''}`
  }

  /** Applies a transaction WeChat Pay reported, once: its orders become paid, or are refunded. */
  async function applyTransaction(trans: Transaction): Promise<void> {
    const paid = await payments.check(trans)
    if (!paid) return
    const { payment } = paid
    await inTransaction(db, async (tx) => {
      const locks = await lockMoneyPath(tx, { checkoutId: payment.checkoutId, orderIds: payment.orderIds, paymentId: payment.id })
      if (!locks.payment || locks.payment.status === 'paid') return
      await markPaymentPaid(tx, payment.id, paid.transactionId, paid.paidAt)
      const { refund } = await payOrders(tx, locks.orders, clock())
      // Not a sale: paid after the order was cancelled, or a second payment of an order already paid.
      for (const order of refund) {
        const late = order.status === 'cancelled'
        await returnPayment(tx, order, payment.id, late ? 'late_payment' : 'duplicate_payment', late ? '订单已取消，自动退款' : '订单已支付，重复付款自动退回', clock())
      }
    })
  }

  /** Asks WeChat Pay about every payment of a checkout not known to be paid; applies successes. */
  async function reconcile(checkoutId: number): Promise<void> {
    for (const trans of await payments.queryUnsettled(checkoutId)) await applyTransaction(trans)
  }

  async function ownCheckout(buyerId: number, checkoutId: number) {
    const checkout = await findCheckout(db, checkoutId, buyerId)
    if (!checkout) throw notFound('Checkout')
    return checkout
  }

  return {
    /** A prepay for the checkout's orders still awaiting payment: the wx.requestPayment parameters. */
    async pay(buyerId: number, checkoutId: number): Promise<PayResultDto> {
      const checkout = await ownCheckout(buyerId, checkoutId)
      const now = clock()
      if (checkout.expiresAt <= now) throw new AppError('CHECKOUT_EXPIRED', 'The time to pay has passed')
      const payment = await inTransaction(db, async (tx) => {
        const locks = await lockMoneyPath(tx, { checkoutId, orderIds: 'all' })
        const pending = locks.orders.filter((o) => actionsFor(o.status, 'wechat_pay').includes('pay'))
        if (pending.length === 0) throw new AppError('NOTHING_TO_PAY', 'No order of this checkout awaits payment')
        const request = {
          checkoutId,
          checkoutNo: checkout.checkoutNo,
          buyerId,
          orderIds: pending.map((o) => o.id),
          amountFen: sumFen(pending.map((o) => o.totalFen)),
          expiresAt: checkout.expiresAt,
        }
        return paymentFor(tx, request, now)
      })
      try {
        return await payments.prepay(payment, () => description(payment.orderIds), `/#/pages/pay-result/index?checkoutId=${checkoutId}`)
      } catch (err) {
        if (!(err instanceof PaidMeanwhile)) throw err
        // The buyer paid; the notice is late. Apply it now and say there is nothing left to pay.
        await reconcile(checkoutId)
        throw new AppError('NOTHING_TO_PAY', 'This checkout was paid meanwhile')
      }
    },

    /** After the buyer returns from paying: query WeChat Pay if no notification has arrived yet. */
    async sync(buyerId: number, checkoutId: number): Promise<CheckoutDto> {
      await ownCheckout(buyerId, checkoutId)
      await reconcile(checkoutId).catch(() => undefined)
      return orders.getCheckout(buyerId, checkoutId)
    },

    /** TRANSACTION.* notifications. Throws NotificationRejected / NotificationRefused for a non-2xx answer. */
    async onPaymentNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
      const trans = payments.paymentNotice(headers, rawBody)
      if (trans) await applyTransaction(trans)
    },

    /** The buyer cancels: unpaid → the open prepay closed; paid, not shipped → refunded; stock back either way. */
    async cancel(buyerId: number, orderId: number, reason: string): Promise<OrderDetailDto> {
      const seen = await findOrder(db, orderId)
      if (!seen || seen.buyerId !== buyerId) throw notFound('Order')
      const at = clock()
      const order = await inTransaction(db, async (tx) => {
        const [locked] = (await lockMoneyPath(tx, { checkoutId: seen.checkoutId, orderIds: [orderId] })).orders
        const outcome = await cancelByBuyer(tx, locked, buyerId, reason, at)
        if (outcome.money === 'close_open_payments') await closeOpenPayments(tx, locked.checkoutId, at)
        else {
          const { id, orderNo, totalFen } = outcome.order
          await requestRefund(tx, { order: { id, orderNo, totalFen }, kind: 'buyer_cancel', amountFen: totalFen, reason: outcome.reason, decidedBy: buyerId }, at)
        }
        await releaseStockOf(tx, [orderId])
        return outcome.order
      })
      return orders.detail(order)
    },

    jobs: {
      /** The unpaid deadline: a last query to WeChat Pay, then cancel what is still unpaid. */
      [EXPIRE_CHECKOUT_JOB]: (async (payload, now) => {
        const checkoutId = Number(payload.checkoutId)
        await reconcile(checkoutId).catch(() => undefined)
        await inTransaction(db, async (tx) => {
          const locks = await lockMoneyPath(tx, { checkoutId, orderIds: 'all' })
          const expired = await expireOrders(tx, locks.orders, now)
          if (expired.length === 0) return
          await closeOpenPayments(tx, checkoutId, now)
          await releaseStockOf(tx, expired.map((o) => o.id))
        })
      }) satisfies JobHandler,

      /** Closes a prepay we no longer want paid; if it was paid meanwhile, applies that instead. */
      [CLOSE_PAYMENT_JOB]: (async (payload) => {
        const trans = await payments.closeAtWechat(Number(payload.paymentId))
        if (trans) await applyTransaction(trans)
      }) satisfies JobHandler,
    },
  }
}

export type OrderPaymentsService = ReturnType<typeof createOrderPaymentsService>
