/**
 * Two server processes on one PostgreSQL database, as a cooperative that outgrew one process runs
 * them behind a load balancer: every call below goes to one instance or the other on purpose, and
 * the product must behave as one server — one demo store, one WeChat sandbox, each job done once,
 * every photo served by both. The embedded PGlite store is one process by design (its data
 * directory is opened by a single server), so this file runs on the PostgreSQL pass of `.ci/run`
 * and says so on PGlite.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Client } from 'pg'
import { pgConnection } from '../../server/src/db/client'
import { DEMO_COOPERATIVES, DEMO_FARMERS } from '../../server/src/seed/demo-farmers'
import { eventually, productApi, type PersonaLogin, type ProductApi } from './support/api'
import { freshDatabase, npmStart, type RunningProduct } from './support/product'

const PHOTO = fs.readFileSync(path.resolve(__dirname, '../../server/assets/media/demo/weining-fuji-1.jpg'))
const onPostgres = Boolean(process.env.DATABASE_URL)

interface OrderDetail {
  id: number
  status: string
}

if (!onPostgres) {
  it('runs on PostgreSQL only: the embedded store is one process by design (this run has no DATABASE_URL)', () => {
    expect(process.env.DATABASE_URL).toBeUndefined()
  })
} else {
  describe('two server instances on one PostgreSQL', () => {
    let database: { url: string | undefined; drop: () => Promise<void> }
    let a: RunningProduct
    let b: RunningProduct
    let db: Client
    let A: ProductApi
    let B: ProductApi

    beforeAll(async () => {
      database = await freshDatabase()
      // Both start at once on the empty database: migrations and the demo seed queue on their locks.
      ;[a, b] = await Promise.all([
        npmStart({ databaseUrl: database.url, env: { PAY_WINDOW_MINUTES: '1' } }),
        npmStart({ databaseUrl: database.url, env: { PAY_WINDOW_MINUTES: '1' } }),
      ])
      A = productApi(a.baseUrl)
      B = productApi(b.baseUrl)
      db = new Client(pgConnection(database.url!))
      await db.connect()
    }, 300_000)

    afterAll(async () => {
      await db?.end()
      await Promise.all([a?.stop(), b?.stop()])
      await database?.drop()
    })

    const count = async (query: string, values: unknown[] = []) => Number((await db.query(query, values)).rows[0].n)

    /** A spec of the demo farmer with stock, and its stock now. */
    async function specOf(farmer: PersonaLogin): Promise<{ specId: number; stock: number }> {
      const profile = await A.api<{ products: { id: number }[] }>(`/api/v1/farmers/${farmer.user.farmerId}`)
      for (const p of profile.products) {
        const detail = await B.api<{ specs: { id: number; stock: number }[] }>(`/api/v1/products/${p.id}`)
        const spec = detail.specs.find((s) => s.stock >= 20)
        if (spec) return { specId: spec.id, stock: spec.stock }
      }
      throw new Error('the demo farmer has no spec with stock')
    }
    const stockOf = async (specId: number) => Number((await db.query('select stock from product_specs where id = $1', [specId])).rows[0].stock)
    const orderStatus = (api: ProductApi, buyer: PersonaLogin, id: number) => api.api<OrderDetail>(`/api/v1/orders/${id}`, { token: buyer.token }).then((o) => o.status)

    it('started together, they load the demo store once', async () => {
      expect(await count('select count(*) as n from cooperatives')).toBe(DEMO_COOPERATIVES.length)
      expect(await count('select count(*) as n from farmers')).toBe(DEMO_FARMERS.length)
      expect(await count('select count(*) as n from (select 1 from farmers group by name, cooperative_id having count(*) > 1) d')).toBe(0)
    })

    it('a login code from one instance signs in on the other; an order placed on A is paid at B’s cashier and seen paid by both', async () => {
      const { code } = await A.api<{ code: string }>('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona: 'buyer' } })
      const buyer = await B.api<PersonaLogin>('/api/v1/auth/login', { method: 'POST', body: { code } })
      const farmer = await A.persona('farmer')
      const { specId, stock } = await specOf(farmer)
      const address = await A.api<{ id: number }>('/api/v1/addresses', {
        method: 'POST',
        token: buyer.token,
        body: { name: '林晓', phone: '13800001234', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' },
      })
      const key = crypto.randomUUID()
      const place = (api: ProductApi) =>
        api.api<{ id: number; orders: { id: number }[] }>('/api/v1/orders', { method: 'POST', token: buyer.token, headers: { 'idempotency-key': key }, body: { items: [{ specId, quantity: 2 }], addressId: address.id } })
      const checkout = await place(A)
      // the same checkout retried through the other instance (a lost reply) is the same checkout
      expect((await place(B)).id).toBe(checkout.id)
      const pay = await B.api<{ requestPayment: { package: string } }>(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
      await A.api('/sandbox/wechat/pay/cashier/pay', { method: 'POST', body: { prepayId: pay.requestPayment.package.replace('prepay_id=', '') } })
      const orderId = checkout.orders[0].id
      await eventually('paid on B', async () => (await orderStatus(B, buyer, orderId)) === 'paid')
      expect(await orderStatus(A, buyer, orderId)).toBe('paid')
      expect(await stockOf(specId)).toBe(stock - 2)
      expect(await count("select count(*) as n from order_events where order_id = $1 and to_status = 'paid' and from_status = 'pending_payment'", [orderId])).toBe(1)
      expect(await count('select count(*) as n from orders where checkout_id = $1', [checkout.id])).toBe(1)
    })

    it('a paid order cancelled through B is refunded once, through the sandbox both instances share', async () => {
      const buyer = await A.persona('buyer')
      const farmer = await B.persona('farmer')
      const { specId, stock } = await specOf(farmer)
      const checkout = await B.placeAndPay(buyer, [{ specId, quantity: 1 }])
      const orderId = checkout.orders[0].id
      await eventually('paid', async () => (await orderStatus(A, buyer, orderId)) === 'paid')
      await B.api(`/api/v1/orders/${orderId}/cancel`, { method: 'POST', token: buyer.token, body: { reason: '不想要了' } })
      expect(await orderStatus(A, buyer, orderId)).toBe('refunded')
      // the refund is submitted by one instance's job and settled by WeChat Pay's notice or a query
      await eventually('the refund to succeed', async () => (await count("select count(*) as n from refunds where order_id = $1 and status = 'succeeded'", [orderId])) === 1, 90_000)
      await new Promise((r) => setTimeout(r, 3_000))
      expect(await count('select count(*) as n from refunds where order_id = $1', [orderId])).toBe(1)
      expect(await stockOf(specId)).toBe(stock)
    })

    it('an order shipped through A has its shipping info uploaded and its message sent once, whichever instance runs the jobs', async () => {
      const buyer = await B.persona('buyer')
      const farmer = await A.persona('farmer')
      const { orderShipped } = await A.api<{ orderShipped: string }>('/api/v1/subscriptions/templates')
      await B.api('/api/v1/subscriptions', { method: 'POST', token: buyer.token, body: { answers: { [orderShipped]: 'accept' } } })
      const { specId } = await specOf(farmer)
      const checkout = await A.placeAndPay(buyer, [{ specId, quantity: 1 }])
      const orderId = checkout.orders[0].id
      await eventually('paid', async () => (await orderStatus(B, buyer, orderId)) === 'paid')
      const shipped = await A.api<{ results: { ok: boolean }[] }>('/api/v1/farmer/orders/ship', {
        method: 'POST',
        token: farmer.token,
        body: { orders: [{ orderId, carrier: 'SF', trackingNo: `SF${Date.now().toString().slice(-12)}` }] },
      })
      expect(shipped.results[0].ok).toBe(true)
      await eventually('the shipping info upload', async () => (await count('select count(*) as n from shipping_uploads where order_id = $1 and uploaded_at is not null', [orderId])) === 1, 90_000)
      await eventually('the shipped message', async () => (await count('select count(*) as n from message_sends where order_id = $1', [orderId])) === 1, 90_000)
      // give the other instance's poller a few rounds to (wrongly) do it again
      await new Promise((r) => setTimeout(r, 3_000))
      expect(await count('select count(*) as n from message_sends where order_id = $1', [orderId])).toBe(1)
      // what is left for the order is the receipt's auto-confirmation, days away; the WeChat calls are done, once
      const pending = await db.query("select kind from jobs where done_at is null and payload->>'orderId' = $1", [String(orderId)])
      expect(pending.rows.map((r) => r.kind)).toEqual(['auto_confirm_receipt'])
      const done = await db.query("select kind, failed_at from jobs where done_at is not null and kind in ('upload_shipping_info', 'send_shipped_message') and payload->>'orderId' = $1 order by kind", [String(orderId)])
      expect(done.rows).toEqual([
        { kind: 'send_shipped_message', failed_at: null },
        { kind: 'upload_shipping_info', failed_at: null },
      ])
    })

    it('a photo uploaded through one instance is served by the other, with the same bytes', async () => {
      const farmer = await A.persona('farmer')
      const upload = async (api: RunningProduct) => {
        const res = await fetch(`${api.baseUrl}/api/v1/uploads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${farmer.token}`, 'content-type': 'image/jpeg', 'upload-id': crypto.randomUUID() },
          body: PHOTO,
        })
        expect(res.status).toBeLessThan(300)
        return (await res.json()) as { key: string; url: string; thumbUrl?: string }
      }
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const photo = await upload(from)
        const urls = [photo.url, photo.thumbUrl].filter((u): u is string => Boolean(u))
        for (const url of urls) {
          const path = url.startsWith('http') ? new URL(url).pathname : url
          const [there, here] = await Promise.all([fetch(`${to.baseUrl}${path}`), fetch(`${from.baseUrl}${path}`)])
          expect(there.status).toBe(200)
          expect(there.headers.get('content-type')).toMatch(/^image\//)
          const [x, y] = await Promise.all([there.arrayBuffer(), here.arrayBuffer()])
          expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true)
        }
      }
    })

    it('an unpaid order expires once: its stock comes back exactly once, whichever instance’s job runs', async () => {
      const buyer = await A.persona('buyer')
      const farmer = await B.persona('farmer')
      const { specId } = await specOf(farmer)
      const before = await stockOf(specId)
      const address = await B.api<{ id: number }>('/api/v1/addresses', {
        method: 'POST',
        token: buyer.token,
        body: { name: '林晓', phone: '13800001234', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 2 号' },
      })
      const checkout = await B.api<{ id: number; orders: { id: number }[] }>('/api/v1/orders', {
        method: 'POST',
        token: buyer.token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { items: [{ specId, quantity: 3 }], addressId: address.id },
      })
      expect(await stockOf(specId)).toBe(before - 3)
      const orderId = checkout.orders[0].id
      // PAY_WINDOW_MINUTES=1: the expiry job is due a minute after checkout, and both pollers look for it
      await eventually('the expiry', async () => (await orderStatus(A, buyer, orderId)) === 'cancelled', 150_000)
      await new Promise((r) => setTimeout(r, 3_000))
      expect(await stockOf(specId)).toBe(before)
      expect(await count("select count(*) as n from order_events where order_id = $1 and to_status = 'cancelled'", [orderId])).toBe(1)
    }, 200_000)
  })
}
