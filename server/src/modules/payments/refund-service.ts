/**
 * Refunds through the WeChat Pay v3 refund API: submitted by a durable job (retried with the
 * same out_refund_no, so WeChat refunds once), completed by the signed REFUND.* notification.
 */
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import type { JobHandler } from '../../jobs/job-runner'
import type { RefundNotice, WechatPayClient } from '../../wechat/pay/pay-client'
import { SUBMIT_REFUND_JOB } from './payment-ledger'
import { findPayment, findRefund, updateRefund } from './payment-repository'
import { NotificationRefused } from './notify-route'
import { recordRefund } from '../sales-rollup'

export const REFUND_NOTIFY_PATH = '/api/v1/refunds/wechat/notify'

export interface RefundServiceDeps {
  db: Db
  clock: () => Date
  pay: WechatPayClient
  mchid: string
  notifyBaseUrl: () => string
}

export function createRefundService({ db, clock, pay, mchid, notifyBaseUrl }: RefundServiceDeps) {
  async function settle(outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING', refundId: string | undefined, amount?: number) {
    await inTransaction(db, async (tx) => {
      const refund = await findRefund(tx, { outRefundNo }, true)
      if (!refund) throw new NotificationRefused(404, `unknown out_refund_no ${outRefundNo}`)
      if (amount !== undefined && amount !== refund.amountFen) throw new NotificationRefused(400, `refund amount ${amount} differs from ${refund.amountFen}`)
      if (refund.status !== 'processing') return
      if (status === 'SUCCESS') await updateRefund(tx, refund.id, { status: 'succeeded', refundId: refundId ?? refund.refundId, succeededAt: clock() })
      else if (status === 'CLOSED' || status === 'ABNORMAL') await updateRefund(tx, refund.id, { status: 'failed', refundId: refundId ?? refund.refundId })
      else if (refundId) await updateRefund(tx, refund.id, { refundId })
      if (status === 'SUCCESS') await recordRefund(tx, refund, clock())
    })
  }

  return {
    async onRefundNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
      const notice = pay.parseNotification(headers, rawBody)
      if (!notice.eventType.startsWith('REFUND.')) return
      const r = notice.resource as unknown as RefundNotice
      if (r.mchid !== mchid) throw new NotificationRefused(400, 'mchid is not ours')
      await settle(r.out_refund_no, r.refund_status, r.refund_id, r.amount?.refund)
    },

    jobs: {
      [SUBMIT_REFUND_JOB]: (async (payload) => {
        const refund = await findRefund(db, { id: Number(payload.refundId) })
        if (!refund || refund.status !== 'processing') return
        const payment = await findPayment(db, { id: refund.paymentId })
        if (!payment) throw new Error(`refund ${refund.id} has no payment`)
        const answer = await pay.createRefund({
          outTradeNo: payment.outTradeNo,
          outRefundNo: refund.outRefundNo,
          refundFen: refund.amountFen,
          totalFen: payment.amountFen,
          reason: refund.reason,
          notifyUrl: `${notifyBaseUrl()}${REFUND_NOTIFY_PATH}`,
        })
        await settle(refund.outRefundNo, answer.status, answer.refund_id)
      }) satisfies JobHandler,
    },
  }
}

export type RefundService = ReturnType<typeof createRefundService>
