/**
 * Job `upload_shipping_info`: tells WeChat an order shipped (wechat-protocols.md §6.1), so the
 * payment's funds can settle. WeChat busy or the payment not ingested yet (-1, 10060001, network)
 * → throw, and the job runner tries again with backoff: an outage delays the upload, never loses
 * it. The doc's "nothing more to do" codes count as uploaded; any other errcode marks the upload
 * failed (logged, not retried), as does a retryable answer at the job's last attempt. Attempts
 * and the last errcode are kept in shipping_uploads.
 */
import type { FastifyBaseLogger } from 'fastify'
import { CONTACT_REQUIRED } from '@domain/couriers'
import type { Db } from '../../db/client'
import type { JobHandler } from '../../jobs/job-runner'
import { findOrder } from '../orders'
import { paidPaymentOf } from '../payments'
import { chinaRfc3339, itemDescription, maskPhone, type ShippingInfoClient, type ShippingInfoRequest } from '../../wechat/shipping-info'
import {
  countAttempt,
  markFailed,
  markUploaded,
  noteErrcode,
  paymentShipping,
  uploadRow,
  type PaymentShipping,
  type PaymentRow,
} from './shipping-upload-repository'

const MAX_PARCELS = 15
/** Rounds when other orders of the same payment ship while we upload (each round sends the newer picture). */
const MAX_ROUNDS = 3

export interface ShippingUploadDeps {
  db: Db
  client: ShippingInfoClient
  mchid: string
  log?: FastifyBaseLogger
}

/** The request for a payment as it stands, and a fingerprint of what it says (without the time). */
export function buildRequest(payment: PaymentRow, mchid: string, state: PaymentShipping, at: Date): { request: ShippingInfoRequest; fingerprint: string } {
  const parcels = state.shipped.slice(0, MAX_PARCELS).map((o) => ({
    tracking_no: o.trackingNo!,
    express_company: o.carrier!,
    item_desc: itemDescription(state.items.filter((i) => i.orderId === o.id)),
    ...(CONTACT_REQUIRED.includes(o.carrier!) ? { contact: { receiver_contact: maskPhone(o.address.phone) } } : {}),
  }))
  const split = payment.orderIds.length > 1
  const allDelivered = state.members.every((o) => o.status !== 'paid')
  const request: ShippingInfoRequest = {
    order_key: { order_number_type: 1, mchid, out_trade_no: payment.outTradeNo },
    logistics_type: 1,
    delivery_mode: split ? 2 : 1,
    ...(split ? { is_all_delivered: allDelivered } : {}),
    shipping_list: parcels,
    upload_time: chinaRfc3339(at),
    payer: { openid: payment.payerOpenid },
  }
  return { request, fingerprint: JSON.stringify([request.delivery_mode, request.is_all_delivered ?? null, parcels]) }
}

export function createShippingUploadJob({ db, client, mchid, log }: ShippingUploadDeps): JobHandler {
  return async (payload, now, { lastAttempt }) => {
    const orderId = Number(payload.orderId)
    const row = await uploadRow(db, orderId)
    if (!row || row.status !== 'pending') return
    const order = await findOrder(db, orderId)
    const payment = order ? await paidPaymentOf(db, orderId) : null
    if (!order || !payment || !order.trackingNo) {
      log?.error({ orderId }, 'shipping info: no shipped order with a paying payment; not uploaded')
      await markFailed(db, orderId, null)
      return
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const at = new Date(now.getTime() + round)
      const { request, fingerprint } = buildRequest(payment, mchid, await paymentShipping(db, payment), at)
      await countAttempt(db, orderId)
      const result = await client.upload(request)
      if (result.kind === 'retry') {
        // The job's last attempt: the upload ends failed with it (the manager sees the job among the failed ones).
        if (lastAttempt) await markFailed(db, orderId, result.errcode)
        else await noteErrcode(db, orderId, result.errcode)
        throw new Error(`upload_shipping_info for order ${orderId}: ${result.message}${lastAttempt ? '; giving up' : '; will retry'}`)
      }
      if (result.kind === 'rejected') {
        log?.error({ orderId, errcode: result.errcode, err: result.message }, 'upload_shipping_info refused; not retried')
        await markFailed(db, orderId, result.errcode)
        return
      }
      // Another order of this payment shipped while we were uploading: send the newer picture.
      const after = await paymentShipping(db, payment)
      if (buildRequest(payment, mchid, after, at).fingerprint !== fingerprint) continue
      const covered = after.shipped.slice(0, MAX_PARCELS).map((o) => o.id)
      await markUploaded(db, [orderId, ...covered], result.kind === 'already' ? result.errcode : 0, now)
      return
    }
    if (lastAttempt) await markFailed(db, orderId, null)
    throw new Error(`upload_shipping_info for order ${orderId}: the payment kept changing${lastAttempt ? '; giving up' : '; will retry'}`)
  }
}
