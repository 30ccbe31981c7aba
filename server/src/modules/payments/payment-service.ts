/**
 * WeChat Pay's side of paying: the JSAPI prepay (→ wx.requestPayment parameters), checking a
 * transaction WeChat reports (signed notification or query) against our payment row, and
 * closing a prepay we no longer want paid. What a successful payment does to orders is
 * order-payments' business: this service tells it which payment was paid, and when.
 */
import type { Db } from '../../db/client'
import type { PayResultDto } from '@contracts/orders'
import { AppError } from '../../http/errors'
import { WechatPayError, type Transaction, type WechatPayClient } from '../../wechat/pay/pay-client'
import { NotificationRefused } from './notify-route'
import { findPayment, setPrepayId, unsettledPaymentsOf, type PaymentRow } from './payment-repository'

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

export const PAYMENT_NOTIFY_PATH = '/api/v1/payments/wechat/notify'

/**
 * How long a stored prepay_id is handed out again: WeChat Pay's prepay_id lives 120 minutes, less
 * a margin for the buyer to finish paying. An older one is renewed by prepaying again with the
 * same parameters, which within time_expire returns the order's current prepay_id.
 */
export const PREPAY_REUSE_MINUTES = 110

/** A transaction WeChat Pay says succeeded, checked against our payment. */
export interface PaidTransaction {
  payment: PaymentRow
  transactionId: string | null
  paidAt: Date
}

/**
 * Renewing the prepay found the trade already paid (the buyer paid, the notice has not reached
 * us yet): nothing is handed out; the caller applies the payment instead.
 */
export class PaidMeanwhile extends Error {
  constructor(public readonly payment: PaymentRow) {
    super(`${payment.outTradeNo} was paid meanwhile`)
  }
}

export function createPaymentService(deps: PaymentServiceDeps) {
  const { db, clock, pay } = deps

  /** null when WeChat Pay never heard of the trade. */
  async function query(outTradeNo: string): Promise<Transaction | null> {
    try {
      return await pay.queryByOutTradeNo(outTradeNo)
    } catch (err) {
      if (err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST') return null
      throw err
    }
  }

  /** A prepay_id for the payment from WeChat Pay, stored with `now` when it is a new one. */
  async function renewPrepay(payment: PaymentRow, description: () => Promise<string>, now: Date): Promise<string> {
    let prepayId: string
    try {
      // Exactly the same parameters (description included) as the first time: WeChat Pay then
      // answers the order's current prepay_id, the same one while it lives, so a concurrent or
      // retried call is harmless; other parameters would be OUT_TRADE_NO_USED.
      prepayId = (
        await pay.jsapiPrepay({
          outTradeNo: payment.outTradeNo,
          description: await description(),
          amountFen: payment.amountFen,
          payerOpenid: payment.payerOpenid,
          timeExpire: payment.expiresAt,
          notifyUrl: `${deps.notifyBaseUrl()}${PAYMENT_NOTIFY_PATH}`,
        })
      ).prepayId
    } catch (err) {
      if (err instanceof WechatPayError && err.code === 'ORDERPAID') throw new PaidMeanwhile(payment)
      if (err instanceof WechatPayError) throw new AppError('PAYMENT_UNAVAILABLE', `WeChat Pay did not take the order (${err.code}); try again`)
      throw err
    }
    // The stored prepay_id back again is still the old one: its life keeps counting from prepayAt.
    if (prepayId !== payment.prepayId) await setPrepayId(db, payment.id, prepayId, now)
    return prepayId
  }

  return {
    /**
     * Makes sure WeChat Pay has a live prepay for this payment; the parameters for wx.requestPayment.
     * Never past the payment's time_expire; a prepay older than PREPAY_REUSE_MINUTES is renewed.
     */
    async prepay(payment: PaymentRow, description: () => Promise<string>, returnPath: string): Promise<PayResultDto> {
      const now = clock()
      if (payment.expiresAt <= now) throw new AppError('CHECKOUT_EXPIRED', 'The time to pay has passed')
      const { prepayId: stored, prepayAt } = payment
      const live = stored !== null && prepayAt !== null && now.getTime() - prepayAt.getTime() < PREPAY_REUSE_MINUTES * 60_000
      const prepayId = live ? stored : await renewPrepay(payment, description, now)
      return {
        outTradeNo: payment.outTradeNo,
        amountFen: payment.amountFen,
        requestPayment: pay.requestPayment(prepayId),
        sandboxCashierUrl: deps.sandboxCashierUrl?.(prepayId, returnPath) ?? null,
      }
    },

    /**
     * Checks a transaction against our payment: ours (appid, mchid), known, and for the amount
     * we asked. null while it is not a success. Throws NotificationRefused otherwise.
     */
    async check(trans: Transaction): Promise<PaidTransaction | null> {
      if (trans.appid !== deps.appId || trans.mchid !== deps.mchid) throw new NotificationRefused(400, 'appid or mchid is not ours')
      const payment = await findPayment(db, { outTradeNo: trans.out_trade_no })
      if (!payment) throw new NotificationRefused(404, `unknown out_trade_no ${trans.out_trade_no}`)
      if (trans.trade_state !== 'SUCCESS') return null
      if (trans.amount?.total !== payment.amountFen) {
        throw new NotificationRefused(400, `amount ${trans.amount?.total} differs from ${payment.amountFen} for ${payment.outTradeNo}`)
      }
      const paidAt = trans.success_time ? new Date(trans.success_time) : clock()
      return { payment, transactionId: trans.transaction_id ?? null, paidAt: Number.isNaN(paidAt.getTime()) ? clock() : paidAt }
    },

    /** The transaction of a TRANSACTION.SUCCESS notification (verified and decrypted); null for other events. */
    paymentNotice(headers: Record<string, string | string[] | undefined>, rawBody: string): Transaction | null {
      const notice = pay.parseNotification(headers, rawBody)
      return notice.eventType === 'TRANSACTION.SUCCESS' ? (notice.resource as unknown as Transaction) : null
    },

    /** What WeChat Pay says of every payment of a checkout not known to be paid. */
    async queryUnsettled(checkoutId: number): Promise<Transaction[]> {
      const answers: Transaction[] = []
      for (const payment of await unsettledPaymentsOf(db, checkoutId)) {
        const trans = await query(payment.outTradeNo)
        if (trans) answers.push(trans)
      }
      return answers
    },

    /**
     * Closes a prepay we no longer want paid (a closed payment row). If the buyer paid it
     * meanwhile, nothing is closed and the successful transaction is returned, to be applied.
     */
    async closeAtWechat(paymentId: number): Promise<Transaction | null> {
      const payment = await findPayment(db, { id: paymentId })
      if (!payment?.prepayId || payment.status === 'paid') return null
      const trans = await query(payment.outTradeNo)
      if (!trans || trans.trade_state === 'CLOSED') return null
      if (trans.trade_state === 'SUCCESS') return trans
      try {
        await pay.closeOrder(payment.outTradeNo)
      } catch (err) {
        if (!(err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST')) throw err
      }
      return null
    },
  }
}

export type PaymentService = ReturnType<typeof createPaymentService>
