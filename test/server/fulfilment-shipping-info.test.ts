/**
 * Shipping info reaches WeChat's order shipping management (the sandbox, over real HTTP) exactly
 * once per order, through WeChat outages (10060001 / -1 retried with backoff on the app's clock),
 * as one split delivery per payment when a checkout paid several farmers' orders together.
 */
import { eq } from 'drizzle-orm'
import { jobs, shippingUploads } from '../../server/src/db/schema'
import type { ShippingSandbox } from '../../server/src/wechat/sandbox/shipping-sandbox'
import { startTestApp, type TestApp } from '../support/app'
import { addCooperative } from '../support/catalog-builders'
import { addBuyer, type TestBuyer } from '../support/order-builders'
import { addSignedInFarmer, placeAndPay, ship, type TestFarmer } from './fulfilment-fixtures'

let now = new Date('2026-11-28T02:00:00Z')
let t: TestApp
let zhang: TestFarmer
let li: TestFarmer
let buyer: TestBuyer
const BUYER_OPENID = 'buyer-shipping-info'

beforeAll(async () => {
  t = await startTestApp({}, { clock: () => now })
  const coop = await addCooperative(t.store.db)
  zhang = await addSignedInFarmer(t, coop.id, '张国华')
  li = await addSignedInFarmer(t, coop.id, '李春梅', [{ priceFen: 6800, unit: '箱', stock: 50 }])
  buyer = await addBuyer(t, BUYER_OPENID)
})
afterAll(() => t.close())
beforeEach(() => {
  now = new Date(now.getTime() + 3600_000)
})

const wechat = (): ShippingSandbox => t.app.sandbox!.shipping!
const advance = (ms: number) => (now = new Date(now.getTime() + ms))
const mchid = () => t.app.sandbox!.pay.credentials.mchid

async function upload(orderId: number) {
  const [row] = await t.store.db.select().from(shippingUploads).where(eq(shippingUploads.orderId, orderId))
  return row
}

async function job(orderId: number) {
  const rows = await t.store.db.select().from(jobs).where(eq(jobs.dedupeKey, `shipping-info:order:${orderId}`))
  return rows[0]
}

describe('uploading shipping info', () => {
  it('uploads once even when WeChat answers 10060001 twice first: retried with backoff, then uploaded', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 2 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'ZTO', trackingNo: '7531234567890' }])
    wechat().failNext(2, 10060001)

    await t.app.jobs.runDue(now)
    expect(await upload(orderIds[0])).toMatchObject({ status: 'pending', attempts: 1, lastErrcode: 10060001 })
    expect((await job(orderIds[0])).doneAt).toBeNull()
    await t.app.jobs.runDue(now) // not due again yet: backoff
    expect((await upload(orderIds[0])).attempts).toBe(1)

    advance(6_000)
    await t.app.jobs.runDue(now)
    expect(await upload(orderIds[0])).toMatchObject({ status: 'pending', attempts: 2, lastErrcode: 10060001 })

    advance(11_000)
    await t.app.jobs.runDue(now)
    expect(await upload(orderIds[0])).toMatchObject({ status: 'uploaded', attempts: 3, lastErrcode: 0 })
    expect((await job(orderIds[0])).doneAt).not.toBeNull()

    advance(3600_000)
    await t.app.jobs.runDue(now)
    const accepted = await wechat().accepted(outTradeNo)
    expect(accepted).toHaveLength(1)
    expect((await wechat().received()).filter((r) => (r.body as { order_key: { out_trade_no: string } }).order_key.out_trade_no === outTradeNo).map((r) => r.errcode)).toEqual([
      10060001, 10060001, 0,
    ])
    expect(accepted[0]).toMatchObject({
      order_key: { order_number_type: 1, mchid: mchid(), out_trade_no: outTradeNo },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [{ tracking_no: '7531234567890', express_company: 'ZTO', item_desc: '张国华的苹果 5斤装*2' }],
      payer: { openid: BUYER_OPENID },
    })
    expect(accepted[0].upload_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/)
    expect((await wechat().trade(mchid(), outTradeNo))?.orderState).toBe(2)
  })

  it('keeps trying through a system outage (-1) without losing the upload', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'YTO', trackingNo: 'YT2000000000001' }])
    wechat().failNext(6, -1)
    for (let i = 0; i < 7; i++) {
      await t.app.jobs.runDue(now)
      advance(3600_000)
    }
    expect(await upload(orderIds[0])).toMatchObject({ status: 'uploaded', attempts: 7 })
    expect(await wechat().accepted(outTradeNo)).toHaveLength(1)
  })

  it('SF parcels carry the receiver phone masked, last four digits shown', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'SF', trackingNo: 'SF1400000000001' }])
    await t.app.jobs.runDue(now)
    expect((await wechat().accepted(outTradeNo))[0].shipping_list).toEqual([
      { tracking_no: 'SF1400000000001', express_company: 'SF', item_desc: '张国华的苹果 5斤装*1', contact: { receiver_contact: '138****0000' } },
    ])
  })

  it('a checkout of two farmers (one payment) becomes one split delivery, complete when the second ships', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [
      { specId: zhang.specIds[0], quantity: 1 },
      { specId: li.specIds[0], quantity: 2 },
    ])
    const [mine, theirs] = orderIds
    await ship(t, zhang, [{ orderId: mine, carrier: 'ZTO', trackingNo: '7539000000001' }])
    await t.app.jobs.runDue(now)
    expect(await wechat().trade(mchid(), outTradeNo)).toMatchObject({ orderState: 1 })
    advance(86_400_000)
    await ship(t, li, [{ orderId: theirs, carrier: 'JD', trackingNo: 'JD0000000000002' }])
    await t.app.jobs.runDue(now)

    const accepted = await wechat().accepted(outTradeNo)
    expect(accepted.map((b) => [b.delivery_mode, b.is_all_delivered, (b.shipping_list as unknown[]).length])).toEqual([
      [2, false, 1],
      [2, true, 2],
    ])
    expect(await wechat().trade(mchid(), outTradeNo)).toMatchObject({ orderState: 2, reshipped: false })
    expect(await upload(mine)).toMatchObject({ status: 'uploaded' })
    expect(await upload(theirs)).toMatchObject({ status: 'uploaded' })
  })

  it('both farmers shipping before the job runs: one upload covers both orders', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [
      { specId: zhang.specIds[0], quantity: 1 },
      { specId: li.specIds[0], quantity: 1 },
    ])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'STO', trackingNo: '773100000001' }])
    await ship(t, li, [{ orderId: orderIds[1], carrier: 'STO', trackingNo: '773100000002' }])
    await t.app.jobs.runDue(now)
    expect(await wechat().accepted(outTradeNo)).toHaveLength(1)
    expect((await wechat().accepted(outTradeNo))[0]).toMatchObject({ delivery_mode: 2, is_all_delivered: true })
    expect((await upload(orderIds[0])).status).toBe('uploaded')
    expect((await upload(orderIds[1])).status).toBe('uploaded')
  })

  it.each([10060002, 10060003, 10060004, 10060023])('errcode %i means nothing more to do: counted as uploaded, not retried', async (errcode) => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'EMS', trackingNo: `EA${errcode}CN` }])
    wechat().failNext(1, errcode)
    await t.app.jobs.runDue(now)
    expect(await upload(orderIds[0])).toMatchObject({ status: 'uploaded', attempts: 1, lastErrcode: errcode })
    advance(3600_000)
    await t.app.jobs.runDue(now)
    expect((await wechat().received()).filter((r) => (r.body as { order_key: { out_trade_no: string } }).order_key.out_trade_no === outTradeNo)).toHaveLength(1)
  })

  it('another errcode marks the upload failed with it, logged and not retried forever', async () => {
    const { orderIds, outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    await ship(t, zhang, [{ orderId: orderIds[0], carrier: 'DBL', trackingNo: 'DPK000000001' }])
    wechat().failNext(1, 10060031)
    await t.app.jobs.runDue(now)
    expect(await upload(orderIds[0])).toMatchObject({ status: 'failed', attempts: 1, lastErrcode: 10060031 })
    expect((await job(orderIds[0])).doneAt).not.toBeNull()
    expect(await wechat().accepted(outTradeNo)).toHaveLength(0)
  })

  it('the sandbox refuses what WeChat refuses: an unknown payment, another payer, bad fields, SF without a masked contact', async () => {
    const { outTradeNo } = await placeAndPay(t, buyer, [{ specId: zhang.specIds[0], quantity: 1 }])
    const base = {
      order_key: { order_number_type: 1, mchid: mchid(), out_trade_no: 'NO-SUCH-TRADE' },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [{ tracking_no: '123456', express_company: 'ZTO', item_desc: '苹果*1' }],
      upload_time: '2026-11-28T10:00:00.000+08:00',
      payer: { openid: BUYER_OPENID },
    }
    expect((await wechat().upload(base)).errcode).toBe(10060001)
    const real = { ...base, order_key: { ...base.order_key, out_trade_no: outTradeNo } }
    expect((await wechat().upload({ ...real, payer: { openid: 'someone-else' } })).errcode).toBe(10060031)
    expect((await wechat().upload({ ...real, order_key: { ...real.order_key, mchid: '1900000000' } })).errcode).toBe(10060001)
    expect((await wechat().upload({ ...base, delivery_mode: 1, shipping_list: [] })).errcode).toBe(10060020)
    expect((await wechat().upload({ ...base, delivery_mode: 3 })).errcode).toBe(268485224)
    expect((await wechat().upload({ ...base, upload_time: '2026-11-28 10:00' })).errcode).toBe(268485216)
    expect((await wechat().upload({ ...base, shipping_list: [{ ...base.shipping_list[0], item_desc: '果'.repeat(121) }] })).errcode).toBe(10060009)
    expect((await wechat().upload({ ...base, shipping_list: [{ ...base.shipping_list[0], express_company: 'SF', contact: { receiver_contact: '13800000000' } }] })).errcode).toBe(
      10060014,
    )
  })
})
