/**
 * End to end, in a browser against `npm start` (issue #10): the demo buyer receives apples of the
 * demo farmer (bought, paid in the sandbox cashier, shipped and received through the API), files a
 * 坏果/破损 claim with a photo for 3 bruised apples on the order detail, the farmer offers less
 * than suggested from 售后, the buyer accepts, the sandbox's WeChat Pay refunds it, the order's
 * timeline shows each step in order and the farmer's draft statement of the week deducts it
 * under 售后退款 (also read from the API).
 */
import fs from 'node:fs'
import path from 'node:path'
import { formatFen } from '@domain/money'
import { isoWeekOf } from '@domain/weeks'
import { eventually, productApi } from './support/api'
import { journeyInBrowser } from './support/journey'

const journey = journeyInBrowser()
const { visible, openPage, signInAs } = journey

/** A real photo of the demo apples (the upload pipeline re-encodes it). */
const PHOTO = fs.readFileSync(path.resolve(__dirname, '../../server/assets/media/demo/weining-fuji-1.jpg'))
/**
 * The demo catalogue sells its apples by the 箱 only, and a claim on a 箱 line counts whole boxes.
 * For "3 bruised apples" the farmer first adds a per-apple spec (个, about 250 g each) to the demo
 * 红富士 listing, the buyer orders 10 of them and claims 3 个 of the 10: 3/10 of the line.
 */
const APPLE_SPEC = { name: `单果 约半斤 ${Math.random().toString(36).slice(2, 6)}`, priceFen: 250, unit: '个', netWeightG: 250, stock: 100 }
const ORDERED = 10
const BRUISED = 3
const OFFER_YUAN = '5'
const OFFER_FEN = 500
const BUYER_NOTE = '收到时有 3 个苹果压坏了，照片里是压伤的地方'
const FARMER_NOTE = '路上颠坏的，按两个半退'

/** Taro's H5 showModal: the open dialog titled `title`, its `button`. */
async function confirmDialog(title: string, button: string): Promise<void> {
  const dialog = journey.page.locator('.taro-modal__content').filter({ visible: true, hasText: title })
  await dialog.getByText(button, { exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/**
 * The photo in `selector` (a Taro Image, or a view holding one) is one the server stored (/media/…)
 * and the browser has drawn it. Taro's lazy-loading images get their src once scrolled near.
 */
async function photoShown(selector: string): Promise<void> {
  const img = visible(`${selector} img[src*="/media/"]`)
  await img.waitFor()
  await expect(img.getAttribute('src')).resolves.toMatch(/\/media\/.+\.jpg$/)
  const handle = await img.elementHandle()
  await journey.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, handle)
  await handle?.dispose()
}

interface Listing {
  id: number
  title: string
  description: string
  categoryId: string
  origin: string
  photos: { key: string }[]
  harvestStart: string
  harvestEnd: string
  shipsFrom: string | null
  specs: { id: number; name: string; priceFen: number; unit: string; netWeightG: number; stock: number }[]
}
interface OrderDetail {
  id: number
  status: string
  items: { id: number; specId: number; lineTotalFen: number; quantity: number }[]
  refunds: { kind: string; status: string; amountFen: number; succeededAt: string | null }[]
  events: { event: string | null; reason: string; toStatus: string }[]
}
interface Claim {
  id: number
  status: string
  suggestedFen: number
  offeredFen: number | null
  settledFen: number | null
  photos: { key: string }[]
  lines: { orderItemId: number; affected: number; ordered: number }[]
  refund: { status: string; amountFen: number; borneBy: string } | null
}
interface RefundsOfKind {
  kind: string
  count: number
  goodsFen: number
  shippingFen: number
}
interface Statements {
  statements: { week: string; status: string; refundsFen: number; netFen: number; refundsByKind: RefundsOfKind[] }[]
}

it('the buyer claims 3 bruised apples with a photo, the farmer offers less, the buyer accepts: refunded, on the timeline and deducted in the statement', async () => {
  const { page, pageErrors } = journey
  const { api, persona, placeAndPay } = productApi(journey.product.baseUrl)
  // ── 1. Through the API: the apples are bought, paid, shipped and received. ──
  const farmer = await persona('farmer')
  const buyer = await persona('buyer')
  const farmerId = farmer.user.farmerId!
  const profile = await api<{ products: { id: number; title: string }[] }>(`/api/v1/farmers/${farmerId}`)
  const apples = profile.products.find((p) => p.title.includes('苹果'))
  expect(apples).toBeDefined()

  const listing = await api<Listing>(`/api/v1/farmer/products/${apples!.id}`, { token: farmer.token })
  const saved = await api<{ listing: Listing; check: string }>(`/api/v1/farmer/products/${apples!.id}`, {
    method: 'PUT',
    token: farmer.token,
    body: {
      title: listing.title,
      description: listing.description,
      categoryId: listing.categoryId,
      origin: listing.origin,
      photos: listing.photos.map((p) => p.key),
      harvestStart: listing.harvestStart,
      harvestEnd: listing.harvestEnd,
      shipsFrom: listing.shipsFrom,
      specs: [...listing.specs.map(({ id, name, priceFen, unit, netWeightG, stock }) => ({ id, name, priceFen, unit, netWeightG, stock, stockWas: stock })), APPLE_SPEC],
    },
  })
  expect(saved.check).toBe('pass')
  const specId = saved.listing.specs.find((s) => s.name === APPLE_SPEC.name)!.id

  const weekBefore = await api<Statements>('/api/v1/farmer/statements', { token: farmer.token })
  const checkout = await placeAndPay(buyer, [{ specId, quantity: ORDERED }])
  const orderId = checkout.orders[0].id
  const order = await eventually('the payment', async () => {
    const o = await api<OrderDetail>(`/api/v1/orders/${orderId}`, { token: buyer.token })
    return o.status === 'paid' ? o : null
  })
  const line = order.items[0]
  expect(line).toMatchObject({ specId, quantity: ORDERED, lineTotalFen: APPLE_SPEC.priceFen * ORDERED })

  const shipped = await api<{ results: { ok: boolean }[] }>('/api/v1/farmer/orders/ship', {
    method: 'POST',
    token: farmer.token,
    body: { orders: [{ orderId, carrier: 'SF', trackingNo: `SF${Date.now().toString().slice(-12)}` }] },
  })
  expect(shipped.results[0].ok).toBe(true)
  await api(`/api/v1/orders/${orderId}/confirm-receipt`, { method: 'POST', token: buyer.token })

  // ── 2. The buyer files the claim from the order detail. ──
  await signInAs('buyer', '城市买家·小林')
  await openPage(`/pages/order/index?id=${orderId}`)
  await visible('#order-status').filter({ hasText: '已完成' }).waitFor()
  await visible('#order-claim').filter({ hasText: '申请售后' }).click()
  await page.waitForURL(new RegExp(`after-sale/pages/claim/index\\?orderId=${orderId}`))

  await visible('#reason-damaged').filter({ hasText: '坏果/破损' }).click()
  await visible(`#affected-${line.id} input`).fill(String(BRUISED))
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible('#claim-add-photo').click()])
  await chooser.element().setInputFiles({ name: 'bruised-apples.jpg', mimeType: 'image/jpeg', buffer: PHOTO })
  // uploaded and re-encoded by the server: the thumbnail comes from /media
  await photoShown('#claim-photo-0')
  await visible('#claim-note textarea').fill(BUYER_NOTE)
  const suggestedOnForm = (await visible('#claim-suggested .claim-total__fen').textContent())!.trim()
  await visible('#claim-submit').click()

  await page.waitForURL(/after-sale\/pages\/claim-detail\/index\?id=\d+/)
  const claimId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('id'))
  const [filed] = (await api<{ items: Claim[] }>(`/api/v1/orders/${orderId}/claims`, { token: buyer.token })).items
  expect(filed).toMatchObject({ id: claimId, status: 'open', lines: [{ orderItemId: line.id, affected: BRUISED, ordered: ORDERED }] })
  expect(filed.photos).toHaveLength(1)
  // 3 of 10 apples: 3/10 of what the buyer paid for the line
  expect(filed.suggestedFen).toBe((line.lineTotalFen * BRUISED) / ORDERED)
  expect(suggestedOnForm).toBe(formatFen(filed.suggestedFen))
  await visible('#claim-status').filter({ hasText: '待农户处理' }).waitFor()
  await expect(visible('#claim-figure-suggested').textContent()).resolves.toContain(formatFen(filed.suggestedFen))
  await visible('#claim-note').filter({ hasText: BUYER_NOTE }).waitFor()
  await photoShown('.claim-photo')
  expect(OFFER_FEN).toBeLessThan(filed.suggestedFen)

  // ── 3. The farmer offers less than suggested from 售后. ──
  await signInAs('farmer', '张国华')
  await visible('#open-farmer-home').click()
  const waiting = (await api<{ items: Claim[] }>('/api/v1/farmer/claims?status=open&limit=50', { token: farmer.token })).items
  expect(waiting.map((c) => c.id)).toContain(claimId)
  await visible('#open-claims').filter({ hasText: `售后 (${waiting.length})` }).click()
  await page.waitForURL(/farmer\/pages\/claims\/index/)
  const card = visible(`#claim-${claimId}`)
  await card.filter({ hasText: '坏果/破损' }).filter({ hasText: BUYER_NOTE }).waitFor()
  await photoShown(`#claim-photo-${claimId}-0`)
  await expect(visible(`#claim-suggested-${claimId}`).textContent()).resolves.toBe(formatFen(filed.suggestedFen))
  await visible(`#claim-offer-${claimId}`).filter({ hasText: '提出金额' }).click()
  await visible(`#offer-amount-${claimId} input`).fill(OFFER_YUAN)
  await visible(`#offer-note-${claimId} input`).fill(FARMER_NOTE)
  await visible(`#offer-submit-${claimId}`).click()
  await confirmDialog('提出金额', '确认提出')
  await visible(`#claim-status-${claimId}`).filter({ hasText: `您提出退 ${formatFen(OFFER_FEN)}，等买家回复` }).waitFor()
  expect(await api<Claim>(`/api/v1/claims/${claimId}`, { token: buyer.token })).toMatchObject({ status: 'offered', offeredFen: OFFER_FEN })

  // ── 4. The buyer accepts the offer; the sandbox refunds it. ──
  await signInAs('buyer', '城市买家·小林')
  await openPage(`/after-sale/pages/claim-detail/index?id=${claimId}`)
  await visible('#claim-status').filter({ hasText: '农户已提出金额' }).waitFor()
  await visible('#claim-farmer-note').filter({ hasText: FARMER_NOTE }).waitFor()
  await visible('#claim-accept-offer').filter({ hasText: `接受 ${formatFen(OFFER_FEN)}` }).click()
  await visible('#claim-status').filter({ hasText: '已同意退款' }).waitFor()
  await expect(visible('#claim-figure-settled').textContent()).resolves.toContain(formatFen(OFFER_FEN))

  const refunded = await eventually('the after-sale refund to succeed', async () => {
    const o = await api<OrderDetail>(`/api/v1/orders/${orderId}`, { token: buyer.token })
    const r = o.refunds.find((x) => x.kind === 'after_sale')
    return r?.status === 'succeeded' ? r : null
  })
  expect(refunded.amountFen).toBe(OFFER_FEN)
  expect(await api<Claim>(`/api/v1/claims/${claimId}`, { token: buyer.token })).toMatchObject({
    status: 'accepted',
    settledFen: OFFER_FEN,
    refund: { status: 'succeeded', amountFen: OFFER_FEN, borneBy: 'farmer' },
  })

  // ── 5. The order's timeline shows each step, in order, the refund's own steps included; its
  // refunds block shows the refund done. ──
  await openPage(`/pages/order/index?id=${orderId}`)
  await visible('#order-refund').filter({ hasText: '售后退款' }).filter({ hasText: '已退款' }).filter({ hasText: formatFen(OFFER_FEN) }).waitFor()
  await visible(`#order-claim-${claimId}`).filter({ hasText: '已同意退款' }).waitFor()
  const timeline = visible('#order-timeline')
  await timeline.filter({ hasText: '售后已同意退款' }).waitFor()
  // newest first on screen; read oldest first
  const steps = (await timeline.locator('.order-event').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()))).reverse()
  const at = (text: string) => steps.findIndex((s) => s.includes(text))
  const expected = [
    '下单成功',
    '支付成功',
    '农户已发货',
    '确认收货',
    `买家申请售后：坏果/破损，建议退 ${formatFen(filed.suggestedFen)}`,
    `农户提出退款 ${formatFen(OFFER_FEN)}：${FARMER_NOTE}`,
    `买家接受农户提出的退款 ${formatFen(OFFER_FEN)}`,
    `售后退款 ${formatFen(OFFER_FEN)}：已提交微信支付`,
    `售后退款 ${formatFen(OFFER_FEN)}：已原路退回`,
  ]
  const positions = expected.map(at)
  expect(positions.every((p) => p >= 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  await timeline.screenshot({ path: 'test-results/e2e-after-sale-timeline.png' })

  // ── 6. The farmer's draft statement of the week the refund succeeded deducts it under 售后退款. ──
  const week = isoWeekOf(refunded.succeededAt!)
  const afterSaleOf = (s: Statements, w: string): RefundsOfKind => s.statements.find((x) => x.week === w)?.refundsByKind.find((k) => k.kind === 'after_sale') ?? { kind: 'after_sale', count: 0, goodsFen: 0, shippingFen: 0 }
  const before = afterSaleOf(weekBefore, week)
  const weekAfter = await api<Statements>('/api/v1/farmer/statements', { token: farmer.token })
  const statement = weekAfter.statements.find((s) => s.week === week)!
  expect(statement.status).toBe('draft')
  const after = afterSaleOf(weekAfter, week)
  expect(after.count).toBe(before.count + 1)
  expect(after.goodsFen + after.shippingFen - before.goodsFen - before.shippingFen).toBe(OFFER_FEN)

  await signInAs('farmer', '张国华')
  await visible('#open-farmer-home').click()
  await visible('#open-statements').click()
  await page.waitForURL(/farmer\/pages\/statements\/index/)
  await visible(`#statement-status-${week}`).filter({ hasText: '待确认' }).waitFor()
  await visible(`#statement-refund-${week}-after_sale`).filter({ hasText: `售后退款 ${after.count}笔 ${formatFen(-after.goodsFen)}` }).waitFor()
  await expect(visible(`#statement-net-${week}`).textContent()).resolves.toBe(formatFen(statement.netFen))

  await page.screenshot({ path: 'test-results/e2e-after-sale-journey.png' })
  // no uncaught exception in the storefront along the way
  expect(pageErrors).toEqual([])
}, 240_000)
