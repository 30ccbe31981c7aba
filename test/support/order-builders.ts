/** Buyers with a session and an address, and orders placed through the real API. */
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { productSpecs } from '../../server/src/db/schema'
import { setFlatFreight } from '../../server/src/modules/freight'
import type { TestApp } from './app'

export interface TestBuyer {
  token: string
  addressId: number
  auth: { authorization: string }
}

export async function addBuyer(t: TestApp, openid = `buyer-${crypto.randomUUID()}`): Promise<TestBuyer> {
  const token = await t.login(openid)
  const auth = { authorization: `Bearer ${token}` }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/addresses',
    headers: auth,
    payload: { name: '林晓', phone: '13800000000', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '林城西路 1 号' },
  })
  if (res.statusCode !== 201) throw new Error(`address: ${res.statusCode} ${res.body}`)
  return { token, addressId: res.json().id, auth }
}

export function placeOrder(t: TestApp, buyer: TestBuyer, items: { specId: number; quantity: number }[], key = crypto.randomUUID(), note?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { ...buyer.auth, 'idempotency-key': key },
    payload: { items, addressId: buyer.addressId, ...(note === undefined ? {} : { note }) },
  })
}

export async function stockOf(t: TestApp, specId: number): Promise<number> {
  const [row] = await t.store.db.select({ stock: productSpecs.stock }).from(productSpecs).where(eq(productSpecs.id, specId))
  return row.stock
}

/** The farmer's own flat fee (a one-zone freight template: the first 1000 g for the fee, each further 1000 g free), free from a threshold. */
export async function setShipping(t: TestApp, farmerId: number, feeFen: number, freeFromFen: number | null) {
  await setFlatFreight(t.store.db, [{ farmerId, feeFen, freeFromFen }])
}
