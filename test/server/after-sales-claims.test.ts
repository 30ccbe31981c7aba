/**
 * After-sale claims (售后) from filing to the refund: the suggested amount, the farmer's answers,
 * the buyer's, the cooperative's decision, escalation after 24 h without an answer (the durable
 * job, on an injected clock), the window, one open claim per line, idempotent filing, and each
 * step on the order's timeline.
 */
import { eq } from 'drizzle-orm'
import { claimLines, claims, orderItems } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addManager, type Auth } from './coop-support'
import { placeAndPay, type TestFarmer } from './fulfilment-fixtures'
import { addProduceFarmer, claimEvents, fileClaim, filed, photoOf, refundsOf, shippedOrder, step, type ClaimJson } from './after-sales-fixtures'

const HOUR = 3_600_000
let now = new Date('2026-11-02T02:00:00Z')
let t: TestApp
let zhang: TestFarmer
let buyer: TestBuyer
let manager: Auth
let apple: number
let potato: number
let bigBox: number

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  zhang = await addProduceFarmer(t, coop.id, '张国华')
  ;[apple, potato, bigBox] = zhang.specIds
  buyer = await addBuyer(t)
  manager = await addManager(t, coop.id)
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + HOUR)
})

const later = (ms: number) => {
  now = new Date(now.getTime() + ms)
}

async function claimRow(id: number) {
  const [row] = await t.store.db.select().from(claims).where(eq(claims.id, id))
  return row
}

describe('filing a claim', () => {
  it('3 bruised boxes of 10: the suggested refund is exactly 3/10 of the line, with the photo, and the farmer has 24 h', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const photo = await photoOf(t, buyer)
    const line = order.lineOf.get(apple)!
    expect(line.lineTotalFen).toBe(29900)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', note: '三箱磕伤', photos: [photo], lines: [{ orderItemId: line.id, affected: 3 }] })
    expect(claim).toMatchObject({
      status: 'open',
      suggestedFen: 8970,
      paidFen: order.totalFen,
      refundableFen: order.totalFen,
      offeredFen: null,
      settledFen: null,
      refund: null,
      actions: ['withdraw'],
      lines: [{ orderItemId: line.id, measure: 'unit', ordered: 10, affected: 3, suggestedFen: 8970 }],
      photos: [{ key: photo, url: `/media/${photo}.jpg`, thumbUrl: `/media/${photo}.thumb.jpg` }],
    })
    expect(claim.farmerDeadline).toBe(new Date(now.getTime() + 24 * HOUR).toISOString())
    expect(await claimEvents(t, order.orderId)).toEqual([
      { event: 'claim.opened', actor: 'buyer', status: 'received', from: 'received', reason: '买家申请售后：坏果/破损，建议退 ¥89.70' },
    ])
  })

  it('1.5 斤 short of 5 斤: the suggested refund is 750 g of 2500 g of the line, rounded down to the fen', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: potato, quantity: 5 }])
    const line = order.lineOf.get(potato)!
    expect(line.lineTotalFen).toBe(1750)
    const claim = await filed(t, buyer, order.orderId, { reason: 'short_weight', photos: [], lines: [{ orderItemId: line.id, affected: 750 }] })
    expect(claim).toMatchObject({ status: 'open', suggestedFen: 525, lines: [{ measure: 'g', ordered: 2500, affected: 750, suggestedFen: 525 }] })
  })

  it('a buyer claims 3 bruised apples of a 10斤 box by weight: 500 g of 5000 g suggests a tenth of the line', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: bigBox, quantity: 1 }], true)
    const line = order.lineOf.get(bigBox)!
    expect(line.lineTotalFen).toBe(5990)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', note: '有 3 个压坏了', photos: [], lines: [{ orderItemId: line.id, affected: 500, measure: 'g' }] })
    expect(claim).toMatchObject({ status: 'open', suggestedFen: 599, lines: [{ orderItemId: line.id, measure: 'g', ordered: 5000, affected: 500, suggestedFen: 599 }] })
    const [stored] = await t.store.db.select().from(claimLines).where(eq(claimLines.claimId, claim.id))
    expect(stored).toMatchObject({ measure: 'g', affected: 500, suggestedFen: 599 })
    // The farmer reads the same line in the same measure.
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/farmer/claims/${claim.id}`, headers: zhang.auth })
    expect(seen.json().lines).toEqual([expect.objectContaining({ measure: 'g', ordered: 5000, affected: 500 })])
  })

  it('by weight, more grams than the box holds count as the whole line; two boxes by weight are their net weight × 2', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }])
    const line = order.lineOf.get(apple)!
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: line.id, affected: 9000, measure: 'g' }] })
    expect(claim.lines).toEqual([expect.objectContaining({ measure: 'g', ordered: 5000, affected: 5000, suggestedFen: line.lineTotalFen })])
  })

  it("'unit' on a 斤 line is refused, and nothing is filed", async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: potato, quantity: 4 }])
    const res = await fileClaim(t, buyer, order.orderId, { reason: 'short_weight', photos: [], lines: [{ orderItemId: order.lineOf.get(potato)!.id, affected: 1, measure: 'unit' }] })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_CLAIM_LINE')
    expect(await t.store.db.select().from(claims).where(eq(claims.orderId, order.orderId))).toEqual([])
    // 'g' on it is what the default means.
    const grams = await filed(t, buyer, order.orderId, { reason: 'short_weight', photos: [], lines: [{ orderItemId: order.lineOf.get(potato)!.id, affected: 250, measure: 'g' }] })
    expect(grams.lines).toEqual([expect.objectContaining({ measure: 'g', ordered: 2000, affected: 250 })])
  })

  it('more affected than ordered counts as the whole line; two lines add up', async () => {
    const order = await shippedOrder(t, buyer, zhang, [
      { specId: apple, quantity: 2 },
      { specId: potato, quantity: 3 },
    ])
    const claim = await filed(t, buyer, order.orderId, {
      reason: 'wrong_item',
      photos: [],
      lines: [
        { orderItemId: order.lineOf.get(apple)!.id, affected: 5 },
        { orderItemId: order.lineOf.get(potato)!.id, affected: 500 },
      ],
    })
    expect(claim.lines.map((l) => [l.measure, l.affected, l.suggestedFen])).toEqual([
      ['unit', 2, 5980],
      ['g', 500, 350],
    ])
    expect(claim.suggestedFen).toBe(6330)
  })

  it('the same Idempotency-Key and body return the first claim; another body with that key is refused', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 4 }])
    const body = { reason: 'damaged', note: '坏了一箱', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] }
    const first = await fileClaim(t, buyer, order.orderId, body, 'claim-key-0001')
    expect(first.statusCode).toBe(201)
    const again = await fileClaim(t, buyer, order.orderId, body, 'claim-key-0001')
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    const other = await fileClaim(t, buyer, order.orderId, { ...body, note: '坏了两箱' }, 'claim-key-0001')
    expect(other.statusCode).toBe(409)
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    // Naming the default measure is the same request; 1 g instead of 1 box is another.
    const named = await fileClaim(t, buyer, order.orderId, { ...body, lines: [{ ...body.lines[0], measure: 'unit' }] }, 'claim-key-0001')
    expect(named.statusCode).toBe(200)
    expect(named.json().id).toBe(first.json().id)
    const byWeight = await fileClaim(t, buyer, order.orderId, { ...body, lines: [{ ...body.lines[0], measure: 'g' }] }, 'claim-key-0001')
    expect(byWeight.statusCode).toBe(409)
    expect(byWeight.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect((await claimEvents(t, order.orderId)).map((e) => e.event)).toEqual(['claim.opened'])
  })

  it('one open claim per line: a second is refused until the first is withdrawn', async () => {
    const order = await shippedOrder(t, buyer, zhang, [
      { specId: apple, quantity: 4 },
      { specId: potato, quantity: 2 },
    ])
    const appleLine = order.lineOf.get(apple)!.id
    const first = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: appleLine, affected: 1 }] })
    const second = await fileClaim(t, buyer, order.orderId, {
      reason: 'other',
      photos: [],
      lines: [
        { orderItemId: order.lineOf.get(potato)!.id, affected: 100 },
        { orderItemId: appleLine, affected: 2 },
      ],
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('CLAIM_ALREADY_OPEN')
    // another line of the same order is fine
    await filed(t, buyer, order.orderId, { reason: 'other', photos: [], lines: [{ orderItemId: order.lineOf.get(potato)!.id, affected: 100 }] })

    const withdrawn = await step(t, 'buyer', buyer.auth, first.id, 'withdraw')
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', actions: [] })
    await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: appleLine, affected: 2 }] })
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.orderId}/claims`, headers: buyer.auth })
    expect(list.json().items.map((c: ClaimJson) => c.status)).toEqual(['open', 'open', 'withdrawn'])
  })

  it('when two claims race for the same line, one is filed and the other is refused; two retries with one key file one claim', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 4 }])
    const body = { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] }
    const raced = await Promise.all([fileClaim(t, buyer, order.orderId, body), fileClaim(t, buyer, order.orderId, { ...body, note: '另一次' })])
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(raced.find((r) => r.statusCode === 409)!.json().error.code).toBe('CLAIM_ALREADY_OPEN')

    const other = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 4 }])
    const retryBody = { ...body, lines: [{ orderItemId: other.lineOf.get(apple)!.id, affected: 1 }] }
    const retries = await Promise.all([fileClaim(t, buyer, other.orderId, retryBody, 'claim-race-key-1'), fileClaim(t, buyer, other.orderId, retryBody, 'claim-race-key-1')])
    expect(retries.map((r) => r.statusCode).sort()).toEqual([200, 201])
    expect(new Set(retries.map((r) => r.json().id)).size).toBe(1)
    expect((await claimEvents(t, other.orderId)).map((e) => e.event)).toEqual(['claim.opened'])
  })

  it('the window: open while shipped and until 48 h after receipt, closed after; never before shipping', async () => {
    const received = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    const body = { reason: 'damaged', photos: [], lines: [{ orderItemId: received.lineOf.get(apple)!.id, affected: 1 }] }
    later(48 * HOUR + 60_000)
    const late = await fileClaim(t, buyer, received.orderId, body)
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('CLAIM_NOT_ALLOWED')

    const justInTime = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    later(48 * HOUR)
    expect((await fileClaim(t, buyer, justInTime.orderId, { ...body, lines: [{ orderItemId: justInTime.lineOf.get(apple)!.id, affected: 1 }] })).statusCode).toBe(201)

    const paid = await placeAndPay(t, buyer, [{ specId: apple, quantity: 1 }])
    const [item] = await t.store.db.select().from(orderItems).where(eq(orderItems.orderId, paid.orderIds[0]))
    const unshipped = await fileClaim(t, buyer, paid.orderIds[0], { ...body, lines: [{ orderItemId: item.id, affected: 1 }] })
    expect(unshipped.json().error.code).toBe('CLAIM_NOT_ALLOWED')
  })

  it('after the automatic confirmation (10 days after shipping) the 48 h run from that confirmation', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }])
    later(10 * 24 * HOUR)
    await t.app.jobs.runDue(now)
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.orderId}`, headers: buyer.auth })
    expect(detail.json().status).toBe('received')
    later(47 * HOUR)
    const claim = await filed(t, buyer, order.orderId, { reason: 'not_received', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 2 }] })
    expect(claim.suggestedFen).toBe(5980)
  })
})

describe('settling a claim', () => {
  it('the farmer accepts: an after_sale refund of the suggested amount, borne by the farmer, and the steps on the timeline in order', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/farmer/claims?status=open', headers: zhang.auth })
    expect(queue.json().items.find((c: ClaimJson) => c.id === claim.id)).toMatchObject({ actions: ['accept', 'offer', 'contest'] })

    later(60_000)
    const accepted = await step(t, 'farmer', zhang.auth, claim.id, 'accept')
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'accepted', settledFen: 8970, borneBy: 'farmer', refund: { status: 'processing', amountFen: 8970, borneBy: 'farmer' }, actions: [] })
    expect(accepted.json().refundableFen).toBe(order.totalFen - 8970)
    const [refund] = await refundsOf(t, order.orderId)
    expect(refund).toMatchObject({ kind: 'after_sale', amountFen: 8970, borneBy: 'farmer', claimId: claim.id, decidedBy: zhang.userId, reason: '售后退款' })
    expect(await claimEvents(t, order.orderId)).toEqual([
      expect.objectContaining({ event: 'claim.opened', actor: 'buyer' }),
      expect.objectContaining({ event: 'claim.accepted', actor: 'farmer', reason: '农户同意售后，退款 ¥89.70', status: 'received', from: 'received' }),
    ])
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.orderId}`, headers: buyer.auth })
    const steps = detail.json().events.map((e: { event: string | null; reason: string; actor: string }) => [e.event, e.actor, e.reason])
    expect(steps.slice(-3)).toEqual([
      ['claim.opened', 'buyer', '买家申请售后：坏果/破损，建议退 ¥89.70'],
      ['claim.accepted', 'farmer', '农户同意售后，退款 ¥89.70'],
      ['refund.requested', 'wechat_pay', '售后退款 ¥89.70：已提交微信支付'],
    ])
    // A settled claim takes no more steps
    const again = await step(t, 'farmer', zhang.auth, claim.id, 'accept')
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('CLAIM_STEP_NOT_ALLOWED')
    expect(await refundsOf(t, order.orderId)).toHaveLength(1)
  })

  it('the farmer offers less and the buyer accepts: the refund is the offer', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
    const offered = await step(t, 'farmer', zhang.auth, claim.id, 'offer', { amountFen: 5000, note: '两箱只是轻微磕碰' })
    expect(offered.json()).toMatchObject({ status: 'offered', offeredFen: 5000, farmerNote: '两箱只是轻微磕碰', refund: null })
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/claims/${claim.id}`, headers: buyer.auth })
    expect(seen.json().actions).toEqual(['accept_offer', 'ask_cooperative', 'withdraw'])

    const accepted = await step(t, 'buyer', buyer.auth, claim.id, 'accept-offer')
    expect(accepted.json()).toMatchObject({ status: 'accepted', settledFen: 5000, borneBy: 'farmer', refund: { amountFen: 5000, borneBy: 'farmer' } })
    expect(await refundsOf(t, order.orderId)).toEqual([expect.objectContaining({ kind: 'after_sale', amountFen: 5000, borneBy: 'farmer', claimId: claim.id })])
    expect((await claimEvents(t, order.orderId)).map((e) => [e.event, e.actor])).toEqual([
      ['claim.opened', 'buyer'],
      ['claim.offered', 'farmer'],
      ['claim.accepted', 'buyer'],
    ])
    // WeChat Pay (the sandbox) pays it back; the claim then shows the refund succeeded
    await t.app.jobs.runDue(now)
    await t.app.sandbox!.pay.whenIdle()
    await t.app.jobs.runDue(now)
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/claims/${claim.id}`, headers: buyer.auth })
    expect(after.json()).toMatchObject({ status: 'accepted', refund: { status: 'succeeded', amountFen: 5000 }, refundableFen: order.totalFen - 5000 })
    // and the order's timeline ends with the refund's own steps: sent, then back with the buyer
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.orderId}`, headers: buyer.auth })
    const steps = detail.json().events.map((e: { event: string | null; reason: string }) => [e.event, e.reason])
    expect(steps.slice(-2)).toEqual([
      ['refund.requested', '售后退款 ¥50.00：已提交微信支付'],
      ['refund.succeeded', '售后退款 ¥50.00：已原路退回'],
    ])
  })

  it('the buyer asks the cooperative instead; the manager decides an amount the cooperative bears', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
    await step(t, 'farmer', zhang.auth, claim.id, 'offer', { amountFen: 1000 })
    const asked = await step(t, 'buyer', buyer.auth, claim.id, 'ask-cooperative')
    expect(asked.json()).toMatchObject({ status: 'escalated', actions: [] })
    expect(await refundsOf(t, order.orderId)).toEqual([])

    const waiting = await t.app.inject({ method: 'GET', url: '/api/v1/coop/claims?status=escalated', headers: manager })
    expect(waiting.json().items.find((c: ClaimJson) => c.id === claim.id)).toMatchObject({ actions: ['decide'], offeredFen: 1000 })
    const decided = await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 6000, borneBy: 'cooperative', note: '运输途中挤压，合作社承担' })
    expect(decided.statusCode).toBe(200)
    expect(decided.json()).toMatchObject({ status: 'decided', settledFen: 6000, borneBy: 'cooperative', managerNote: '运输途中挤压，合作社承担', refund: { amountFen: 6000, borneBy: 'cooperative' } })
    expect(await refundsOf(t, order.orderId)).toEqual([expect.objectContaining({ kind: 'after_sale', amountFen: 6000, borneBy: 'cooperative', claimId: claim.id })])
    expect((await claimEvents(t, order.orderId)).map((e) => [e.event, e.actor])).toEqual([
      ['claim.opened', 'buyer'],
      ['claim.offered', 'farmer'],
      ['claim.escalated', 'buyer'],
      ['claim.decided', 'manager'],
    ])
  })

  it('the farmer contests; the manager refuses (amount 0): decided, no refund', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'other', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    expect((await step(t, 'farmer', zhang.auth, claim.id, 'contest', { note: '发货前拍照，完好' })).json()).toMatchObject({ status: 'escalated', farmerNote: '发货前拍照，完好' })
    const decided = await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 0, borneBy: 'farmer', note: '照片看不出问题' })
    expect(decided.json()).toMatchObject({ status: 'decided', settledFen: 0, refund: null })
    expect(await refundsOf(t, order.orderId)).toEqual([])
    expect((await claimEvents(t, order.orderId)).at(-1)).toMatchObject({ event: 'claim.decided', reason: '合作社裁定不予退款：照片看不出问题' })
  })

  it('an offer or a decision above what is left to refund is refused', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    const over = await step(t, 'farmer', zhang.auth, claim.id, 'offer', { amountFen: order.totalFen + 1 })
    expect(over.statusCode).toBe(409)
    expect(over.json().error.code).toBe('CLAIM_AMOUNT_TOO_HIGH')
    expect((await claimRow(claim.id)).status).toBe('open')
    await step(t, 'farmer', zhang.auth, claim.id, 'contest', { note: '不同意' })
    const decide = await step(t, 'coop', manager, claim.id, 'decide', { amountFen: order.totalFen + 1, borneBy: 'farmer', note: '全额' })
    expect(decide.json().error.code).toBe('CLAIM_AMOUNT_TOO_HIGH')
    // the whole order (shipping included) is the most
    expect((await step(t, 'coop', manager, claim.id, 'decide', { amountFen: order.totalFen, borneBy: 'farmer', note: '全额' })).json()).toMatchObject({ settledFen: order.totalFen, refundableFen: 0 })
  })

  it('when the farmer accepts while the buyer withdraws, exactly one step wins and at most one refund exists', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
    const [accept, withdraw] = await Promise.all([step(t, 'farmer', zhang.auth, claim.id, 'accept'), step(t, 'buyer', buyer.auth, claim.id, 'withdraw')])
    expect([accept.statusCode, withdraw.statusCode].sort()).toEqual([200, 409])
    const status = (await claimRow(claim.id)).status
    expect(await refundsOf(t, order.orderId)).toHaveLength(status === 'accepted' ? 1 : 0)
    expect((await claimEvents(t, order.orderId)).map((e) => e.event)).toEqual(['claim.opened', status === 'accepted' ? 'claim.accepted' : 'claim.withdrawn'])
  })

  it('a step the table does not allow is refused, and the claim stays as it was', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 2 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    for (const res of [await step(t, 'buyer', buyer.auth, claim.id, 'accept-offer'), await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 100, borneBy: 'farmer', note: '太早' })]) {
      expect(res.statusCode).toBe(409)
      expect(res.json().error.code).toBe('CLAIM_STEP_NOT_ALLOWED')
    }
    expect((await claimRow(claim.id)).status).toBe('open')
  })
})

describe('no answer from the farmer', () => {
  it('a claim with no farmer answer reaches the manager after 24 h, and not before', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 3 }] })
    const filedAt = now

    await t.app.jobs.runDue(new Date(filedAt.getTime() + 24 * HOUR - 1000))
    expect((await claimRow(claim.id)).status).toBe('open')
    const early = await t.app.inject({ method: 'GET', url: '/api/v1/coop/claims?status=escalated', headers: manager })
    expect(early.json().items.map((c: ClaimJson) => c.id)).not.toContain(claim.id)

    now = new Date(filedAt.getTime() + 24 * HOUR)
    await t.app.jobs.runDue(now)
    const row = await claimRow(claim.id)
    expect(row).toMatchObject({ status: 'escalated', escalatedAt: now })
    const waiting = await t.app.inject({ method: 'GET', url: '/api/v1/coop/claims?status=escalated', headers: manager })
    expect(waiting.json().items.find((c: ClaimJson) => c.id === claim.id)).toMatchObject({ status: 'escalated', actions: ['decide'] })
    expect((await claimEvents(t, order.orderId)).at(-1)).toMatchObject({ event: 'claim.escalated', actor: 'system', reason: '农户 24 小时内未处理，已转合作社处理' })
    // the farmer can no longer answer
    expect((await step(t, 'farmer', zhang.auth, claim.id, 'accept')).json().error.code).toBe('CLAIM_STEP_NOT_ALLOWED')

    const decided = await step(t, 'coop', manager, claim.id, 'decide', { amountFen: 8970, borneBy: 'farmer', note: '农户未回应，按建议金额退款' })
    expect(decided.json()).toMatchObject({ status: 'decided', refund: { amountFen: 8970, borneBy: 'farmer' } })
  })

  it('a claim the farmer answered in time is left alone when its deadline passes', async () => {
    const order = await shippedOrder(t, buyer, zhang, [{ specId: apple, quantity: 10 }], true)
    const claim = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    await step(t, 'farmer', zhang.auth, claim.id, 'offer', { amountFen: 1500 })
    later(25 * HOUR)
    await t.app.jobs.runDue(now)
    expect((await claimRow(claim.id)).status).toBe('offered')
    expect((await claimEvents(t, order.orderId)).map((e) => e.event)).toEqual(['claim.opened', 'claim.offered'])
  })
})

describe('lists', () => {
  it("the farmer's queue pages by cursor, newest first, and filters by status", async () => {
    const order = await shippedOrder(t, buyer, zhang, [
      { specId: apple, quantity: 3 },
      { specId: potato, quantity: 3 },
    ])
    const a = await filed(t, buyer, order.orderId, { reason: 'damaged', photos: [], lines: [{ orderItemId: order.lineOf.get(apple)!.id, affected: 1 }] })
    const b = await filed(t, buyer, order.orderId, { reason: 'short_weight', photos: [], lines: [{ orderItemId: order.lineOf.get(potato)!.id, affected: 200 }] })
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/farmer/claims?limit=1', headers: zhang.auth })
    expect(first.json().items.map((c: ClaimJson) => c.id)).toEqual([b.id])
    const second = await t.app.inject({ method: 'GET', url: `/api/v1/farmer/claims?limit=1&cursor=${first.json().nextCursor}`, headers: zhang.auth })
    expect(second.json().items.map((c: ClaimJson) => c.id)).toEqual([a.id])
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/farmer/claims?status=open&limit=50', headers: zhang.auth })
    expect(open.json().items.every((c: ClaimJson) => c.status === 'open')).toBe(true)
    expect(open.json().items.map((c: ClaimJson) => c.id).slice(0, 2)).toEqual([b.id, a.id])
  })
})
