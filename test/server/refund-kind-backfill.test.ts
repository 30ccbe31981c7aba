/**
 * Migration 0006 gives every refund made before the ledger its kind: the one stamped with its
 * order's refunded_at is the buyer's cancel of a paid order; the others returned a payment that
 * reached us after the order was cancelled (never paid: late_payment) or a second payment of an
 * order already paid (duplicate_payment). Run against a store migrated up to 0005 with such rows.
 */
import { sql } from 'drizzle-orm'
import { migrationsFolder } from '../../server/src/db/client'
import { emptyStore, migrationsUpTo } from '../support/migrating-store'

describe('migration 0006 on refunds made before the ledger', () => {
  it('files the cancel refund as buyer_cancel, a payment after cancelling as late_payment and a second payment as duplicate_payment', async () => {
    const store = await emptyStore()
    try {
      await store.migrate(migrationsUpTo('0005_drop_payment_notifications'))
      const T = (m: number) => new Date(Date.UTC(2026, 10, 20, 2, m)).toISOString()
      const [{ id: buyer }] = await store.query<{ id: number }>(sql`insert into users (openid) values ('o-backfill') returning id`)
      const [{ id: coop }] = await store.query<{ id: number }>(sql`insert into cooperatives (name, county, province) values ('合作社', '威宁县', '贵州省') returning id`)
      const [{ id: farmer }] = await store.query<{ id: number }>(sql`insert into farmers (cooperative_id, name, village) values (${coop}, '张国华', '新华村') returning id`)
      const [{ id: checkout }] = await store.query<{ id: number }>(
        sql`insert into checkouts (checkout_no, buyer_id, idempotency_key, request_hash, total_fen, expires_at) values ('X1', ${buyer}, 'k', 'h', 4000, ${T(30)}) returning id`,
      )
      const order = async (no: string, status: string, paidAt: string | null, refundedAt: string | null, cancelledAt: string | null) =>
        (
          await store.query<{ id: number }>(sql`
            insert into orders (order_no, checkout_id, buyer_id, farmer_id, status, items_fen, shipping_fen, total_fen, address, expires_at, paid_at, refunded_at, cancelled_at)
            values (${no}, ${checkout}, ${buyer}, ${farmer}, ${status}, 1000, 0, 1000, '{}'::jsonb, ${T(30)}, ${paidAt}, ${refundedAt}, ${cancelledAt}) returning id`)
        )[0].id
      const cancelledPaid = await order('X1-1', 'refunded', T(1), T(10), null) // paid, then the buyer cancelled: refunded
      const cancelledUnpaid = await order('X1-2', 'cancelled', null, null, T(5)) // cancelled; its payment arrived later
      const paidTwice = await order('X1-3', 'paid', T(1), null, null) // a second payment was returned
      const paidTwiceCancelled = await order('X1-4', 'refunded', T(1), T(20), null) // both: returned, then cancelled
      const payment = async (no: string, orderIds: number[]) =>
        (
          await store.query<{ id: number }>(sql`
            insert into payments (out_trade_no, checkout_id, order_ids, amount_fen, payer_openid, status, expires_at, paid_at)
            values (${no}, ${checkout}, ${`{${orderIds.join(',')}}`}::bigint[], ${1000 * orderIds.length}, 'o-backfill', 'paid', ${T(30)}, ${T(1)}) returning id`)
        )[0].id
      const p1 = await payment('X1P1', [cancelledPaid, cancelledUnpaid, paidTwice, paidTwiceCancelled])
      const p2 = await payment('X1P2', [paidTwice, paidTwiceCancelled])
      const refund = async (no: string, paymentId: number, orderId: number, at: string) =>
        store.query(sql`insert into refunds (out_refund_no, payment_id, order_id, amount_fen, reason, status, created_at, succeeded_at) values (${no}, ${paymentId}, ${orderId}, 1000, 'r', 'succeeded', ${at}, ${at})`)
      await refund('R1', p1, cancelledPaid, T(10))
      await refund('R2', p1, cancelledUnpaid, T(6))
      await refund('R3', p2, paidTwice, T(2))
      await refund('R4', p2, paidTwiceCancelled, T(2))
      await refund('R5', p1, paidTwiceCancelled, T(20))

      await store.migrate(migrationsFolder)
      const kinds = await store.query<{ out_refund_no: string; kind: string; borne_by: string }>(sql`select out_refund_no, kind, borne_by from refunds order by out_refund_no`)
      expect(kinds.map((r) => [r.out_refund_no, r.kind])).toEqual([
        ['R1', 'buyer_cancel'],
        ['R2', 'late_payment'],
        ['R3', 'duplicate_payment'],
        ['R4', 'duplicate_payment'],
        ['R5', 'buyer_cancel'],
      ])
      expect(kinds.every((r) => r.borne_by === 'farmer')).toBe(true)
    } finally {
      await store.close()
    }
  })
})
