/**
 * Job `send_shipped_message`: tells the buyer their order shipped with a one-time subscribe
 * message (wechat-protocols.md §3), using at most one of their consents, ever, for this order.
 *
 * 1. One transaction records the send (message_sends, unique per order and template) as
 *    `pending` and spends the consent; no consent left → `no_consent`, nothing is sent.
 * 2. Then WeChat is called, and the row gets its outcome: sent, no_consent (43101, normal),
 *    or failed (another errcode). WeChat busy or unreachable → throw; the job runs again, finds
 *    the `pending` row and sends again WITHOUT spending another consent.
 * A message still not through after GIVE_UP_MS is news no more: it is marked failed.
 */
import type { FastifyBaseLogger } from 'fastify'
import { courierName } from '@domain/couriers'
import type { Db } from '../../db/client'
import type { JobHandler } from '../../jobs/job-runner'
import { findOrder, itemsOf, type OrderRow } from '../orders'
import { chinaDateKeyword, fitKeyword, type SubscribeMessage, type SubscribeMessageClient } from '../../wechat/subscribe-message'
import { claimSend, noteSendErrcode, openidOf, settleSend } from './message-send-repository'

export const GIVE_UP_MS = 2 * 24 * 60 * 60 * 1000

export interface ShippedMessageDeps {
  db: Db
  client: SubscribeMessageClient
  /** config.wechat.templateOrderShipped; empty means no message is sent. */
  templateId: string
  log?: FastifyBaseLogger
}

/**
 * The template's keywords (they must match the template chosen in the MP admin):
 * thing1 商品名称, thing2 快递公司, character_string3 快递单号, date4 发货时间, phrase5 订单状态.
 */
export function shippedMessage(openid: string, templateId: string, order: OrderRow, items: { title: string }[]): SubscribeMessage {
  const goods = items.length > 1 ? `${fitKeyword(items[0].title, 14)}等${items.length}件` : (items[0]?.title ?? '农产品')
  return {
    touser: openid,
    template_id: templateId,
    page: `pages/order/index?id=${order.id}`,
    data: {
      thing1: { value: fitKeyword(goods, 20) },
      thing2: { value: fitKeyword(courierName(order.carrier), 20) },
      character_string3: { value: fitKeyword(order.trackingNo ?? '', 32) },
      date4: { value: chinaDateKeyword(order.shippedAt ?? new Date()) },
      phrase5: { value: '已发货' },
    },
  }
}

export function createShippedMessageJob({ db, client, templateId, log }: ShippedMessageDeps): JobHandler {
  return async (payload, now) => {
    if (!templateId) return
    const order = await findOrder(db, Number(payload.orderId))
    if (!order || !order.shippedAt) return
    const row = await claimSend(db, order, templateId, now)
    if (row.outcome !== 'pending') return
    if (now.getTime() - row.createdAt.getTime() > GIVE_UP_MS) {
      log?.warn({ orderId: order.id }, 'shipped message still not sent after two days; given up')
      return settleSend(db, row.id, 'failed', row.errcode ?? -1)
    }
    const openid = await openidOf(db, order.buyerId)
    if (!openid) return settleSend(db, row.id, 'failed', null)
    const result = await client.send(shippedMessage(openid, templateId, order, await itemsOf(db, [order.id])))
    switch (result.kind) {
      case 'sent':
        return settleSend(db, row.id, 'sent', null)
      case 'no_consent':
        return settleSend(db, row.id, 'no_consent', result.errcode)
      case 'rejected':
        log?.error({ orderId: order.id, errcode: result.errcode, err: result.message }, 'shipped message refused; not retried')
        return settleSend(db, row.id, 'failed', result.errcode)
      case 'retry':
        await noteSendErrcode(db, row.id, result.errcode)
        throw new Error(`subscribe send for order ${order.id}: ${result.message}; will retry without spending again`)
    }
  }
}
