/**
 * After-sales test helpers: a farmer selling apples by the box (箱: 5斤 and 10斤) and potatoes by the 斤, orders
 * a buyer placed, paid (sandbox WeChat Pay), that were shipped and optionally received, and the
 * claim routes each side calls.
 */
import crypto from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { orderEvents, orderItems, refunds } from '../../server/src/db/schema'
import type { TestApp } from '../support/app'
import type { TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'
import { uploadPhoto } from './farmer-listings-fixtures'

export type Auth = { authorization: string }

/** specIds[0]: 威宁苹果 by the 箱 (5斤, 2500 g) at ¥29.90; specIds[1]: 洋芋 by the 斤 (500 g) at ¥3.50; specIds[2]: apples by the 10斤 箱 (5000 g) at ¥59.90. */
export function addProduceFarmer(t: TestApp, cooperativeId: number, name: string): Promise<TestFarmer> {
  return addSignedInFarmer(t, cooperativeId, name, [
    { name: '5斤装', priceFen: 2990, unit: '箱', netWeightG: 2500, stock: 1000 },
    { name: '散装', priceFen: 350, unit: '斤', netWeightG: 500, stock: 1000 },
    { name: '10斤装', priceFen: 5990, unit: '箱', netWeightG: 5000, stock: 1000 },
  ])
}

export interface ShippedOrder {
  orderId: number
  /** The order's lines by spec id. */
  lineOf: Map<number, { id: number; lineTotalFen: number }>
  totalFen: number
}

/** Places, pays and ships an order of this farmer's specs; `received` also confirms receipt (now). */
export async function shippedOrder(t: TestApp, buyer: TestBuyer, farmer: TestFarmer, items: { specId: number; quantity: number }[], received = false): Promise<ShippedOrder> {
  const { orderIds } = await placeAndPay(t, buyer, items)
  const orderId = orderIds[0]
  const shipped = await ship(t, farmer, [{ orderId, carrier: 'SF', trackingNo: `SF${crypto.randomInt(1e9, 9e9)}0000` }])
  if (shipped.statusCode !== 200 || !shipped.json().results[0].ok) throw new Error(`ship: ${shipped.statusCode} ${shipped.body}`)
  if (received) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/confirm-receipt`, headers: buyer.auth })
    if (res.statusCode !== 200) throw new Error(`confirm: ${res.statusCode} ${res.body}`)
  }
  const lines = await t.store.db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id))
  const order = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: buyer.auth })
  return { orderId, lineOf: new Map(lines.map((l) => [l.specId, { id: l.id, lineTotalFen: l.lineTotalFen }])), totalFen: order.json().totalFen }
}

export interface ClaimBody {
  reason: string
  note?: string
  photos: string[]
  lines: { orderItemId: number; affected: number; measure?: 'g' | 'unit' }[]
}

export function fileClaim(t: TestApp, buyer: { auth: Auth }, orderId: number | string, body: unknown, key: string = crypto.randomUUID()) {
  return t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/claims`, headers: { ...buyer.auth, 'idempotency-key': key }, payload: body as object })
}

/** Files a claim that must succeed; returns it. */
export async function filed(t: TestApp, buyer: { auth: Auth }, orderId: number, body: ClaimBody, key?: string) {
  const res = await fileClaim(t, buyer, orderId, body, key)
  if (res.statusCode !== 201) throw new Error(`claim: ${res.statusCode} ${res.body}`)
  return res.json() as ClaimJson
}

export interface ClaimJson {
  id: number
  orderId: number
  status: string
  suggestedFen: number
  offeredFen: number | null
  settledFen: number | null
  borneBy: string | null
  refundableFen: number
  paidFen: number
  actions: string[]
  refund: { status: string; amountFen: number; borneBy: string } | null
  lines: { orderItemId: number; measure: 'g' | 'unit'; ordered: number; affected: number; suggestedFen: number }[]
  photos: { key: string; url: string; thumbUrl: string }[]
  farmerDeadline: string
}

/** POSTs a step: buyer `/api/v1/claims/:id/<step>`, farmer `/api/v1/farmer/claims/:id/<step>`, manager `/api/v1/coop/claims/:id/<step>`. */
export function step(t: TestApp, side: 'buyer' | 'farmer' | 'coop', auth: Auth, claimId: number | string, name: string, payload?: object) {
  const base = side === 'buyer' ? '/api/v1/claims' : side === 'farmer' ? '/api/v1/farmer/claims' : '/api/v1/coop/claims'
  return t.app.inject({ method: 'POST', url: `${base}/${claimId}/${name}`, headers: auth, ...(payload === undefined ? {} : { payload }) })
}

export async function photoOf(t: TestApp, buyer: TestBuyer): Promise<string> {
  return uploadPhoto(t, { userId: 0, auth: buyer.auth })
}

export async function refundsOf(t: TestApp, orderId: number) {
  return t.store.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id))
}

/** The order's non-status steps (from = to) in order: [event, actor]. */
export async function claimEvents(t: TestApp, orderId: number) {
  const rows = await t.store.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id))
  return rows.filter((r) => r.event !== null).map((r) => ({ event: r.event, actor: r.actor, reason: r.reason, status: r.toStatus, from: r.fromStatus }))
}
