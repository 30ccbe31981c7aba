/**
 * Fulfilment test helpers: a signed-in farmer with a product, and orders a buyer has placed and
 * paid through the real API and the sandbox WeChat Pay.
 */
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { farmers, userRoles, users } from '../../server/src/db/schema'
import type { TestApp } from '../support/app'
import { addFarmer, addProduct } from '../support/catalog-builders'
import { placeOrder, type TestBuyer } from '../support/order-builders'

export interface TestFarmer {
  id: number
  userId: number
  auth: { authorization: string }
  specIds: number[]
  productId: number
}

/** A farmer row linked to a signed-in user with the farmer role, selling one product. */
export async function addSignedInFarmer(
  t: TestApp,
  cooperativeId: number,
  name: string,
  specs: Parameters<typeof addProduct>[3] = [{ priceFen: 2990, stock: 100 }],
  product: Parameters<typeof addProduct>[2] = {},
): Promise<TestFarmer> {
  const openid = `farmer-${crypto.randomUUID()}`
  const token = await t.login(openid)
  const [user] = await t.store.db.select().from(users).where(eq(users.openid, openid))
  await t.store.db.insert(userRoles).values({ userId: user.id, role: 'farmer' })
  const farmer = await addFarmer(t.store.db, cooperativeId, { name, userId: user.id })
  const created = await addProduct(t.store.db, farmer.id, { title: `${name}的苹果`, ...product }, specs)
  return { id: farmer.id, userId: user.id, auth: { authorization: `Bearer ${token}` }, specIds: created.specs.map((s) => s.id), productId: created.id }
}

export async function deactivate(t: TestApp, farmerId: number): Promise<void> {
  await t.store.db.update(farmers).set({ active: false }).where(eq(farmers.id, farmerId))
}

export interface PaidCheckout {
  checkoutId: number
  orderIds: number[]
  outTradeNo: string
}

/** Places the items as one checkout and pays it in the sandbox; every order is paid when this returns. */
export async function placeAndPay(t: TestApp, buyer: TestBuyer, items: { specId: number; quantity: number }[], note?: string): Promise<PaidCheckout> {
  const placed = await placeOrder(t, buyer, items, crypto.randomUUID(), note)
  if (placed.statusCode !== 201) throw new Error(`place: ${placed.statusCode} ${placed.body}`)
  const checkout = placed.json() as { id: number; orders: { id: number }[] }
  const paid = await t.app.inject({ method: 'POST', url: `/api/v1/checkouts/${checkout.id}/pay`, headers: buyer.auth })
  if (paid.statusCode !== 200) throw new Error(`pay: ${paid.statusCode} ${paid.body}`)
  const body = paid.json() as { outTradeNo: string; requestPayment: { package: string } }
  t.app.sandbox!.pay.userPays(body.requestPayment.package.replace('prepay_id=', ''))
  await t.app.sandbox!.pay.whenIdle()
  return { checkoutId: checkout.id, orderIds: checkout.orders.map((o) => o.id), outTradeNo: body.outTradeNo }
}

export function ship(t: TestApp, farmer: TestFarmer, orders: { orderId: number; carrier: string; trackingNo: string }[]) {
  return t.app.inject({ method: 'POST', url: '/api/v1/farmer/orders/ship', headers: farmer.auth, payload: { orders } })
}

export async function buyerOrder(t: TestApp, buyer: TestBuyer, orderId: number) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: buyer.auth })
  if (res.statusCode !== 200) throw new Error(`order: ${res.statusCode} ${res.body}`)
  return res.json() as { status: string; carrier: string | null; trackingNo: string | null; shippedAt: string | null; events: { toStatus: string; actor: string }[] }
}
