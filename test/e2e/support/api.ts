/**
 * The journeys' own calls to the running product's API (not the storefront's): JSON in and out,
 * a bearer token, an error thrown for any answer that is not 2xx; a demo persona signed in
 * through the WeChat sandbox; and an order placed and paid at the sandbox cashier.
 */
import crypto from 'node:crypto'

export interface ApiInit {
  method?: string
  body?: unknown
  token?: string
  headers?: Record<string, string>
}

/** What POST /api/v1/auth/login answers, as far as the journeys read it. */
export interface PersonaLogin {
  token: string
  user: { farmerId: number | null }
}

export interface ProductApi {
  api<T>(urlPath: string, init?: ApiInit): Promise<T>
  /** Signs in a sandbox persona ('buyer', 'farmer', 'coop_admin', …). */
  persona(id: string): Promise<PersonaLogin>
  /**
   * `buyer` orders `items` to a new address in 深圳 and pays at the sandbox cashier; answers the
   * checkout. The payment notice comes after: wait for the order to be `paid`.
   */
  placeAndPay(buyer: PersonaLogin, items: { specId: number; quantity: number }[]): Promise<PlacedCheckout>
}

export interface PlacedCheckout {
  id: number
  orders: { id: number }[]
}

/** The API of the product running at `baseUrl` (`RunningProduct.baseUrl`). */
export function productApi(baseUrl: string): ProductApi {
  async function api<T>(urlPath: string, init: ApiInit = {}): Promise<T> {
    const headers: Record<string, string> = { ...init.headers }
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    if (init.token) headers.authorization = `Bearer ${init.token}`
    const res = await fetch(baseUrl + urlPath, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
    const text = await res.text()
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${urlPath} → ${res.status} ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }

  async function persona(id: string): Promise<PersonaLogin> {
    const { code } = await api<{ code: string }>('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona: id } })
    return api('/api/v1/auth/login', { method: 'POST', body: { code } })
  }

  async function placeAndPay(buyer: PersonaLogin, items: { specId: number; quantity: number }[]): Promise<PlacedCheckout> {
    const address = await api<{ id: number }>('/api/v1/addresses', {
      method: 'POST',
      token: buyer.token,
      body: { name: '林晓', phone: '13800001234', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' },
    })
    const checkout = await api<PlacedCheckout>('/api/v1/orders', {
      method: 'POST',
      token: buyer.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { items, addressId: address.id },
    })
    const pay = await api<{ requestPayment: { package: string } }>(`/api/v1/checkouts/${checkout.id}/pay`, { method: 'POST', token: buyer.token, body: {} })
    await api('/sandbox/wechat/pay/cashier/pay', { method: 'POST', body: { prepayId: pay.requestPayment.package.replace('prepay_id=', '') } })
    return checkout
  }

  return { api, persona, placeAndPay }
}

/** Until `probe` answers something, checked every 200 ms for at most `ms` (a bounded wait, not an assertion on time). */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const found = await probe()
    if (found) return found
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
