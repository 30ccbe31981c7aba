/**
 * Freight templates (运费模板) through the API: the manager's cooperative default, a farmer's
 * override, the fee per farmer by the address's province at preview and placement, provinces
 * not served (refused before anything is reserved), parcel weights, and the product page.
 */
import { count, eq } from 'drizzle-orm'
import { checkouts, cooperatives, orders } from '../../server/src/db/schema'
import { startTestApp, type TestApp } from '../support/app'
import { addCategory, addCooperative, addFarmer, addProduct } from '../support/catalog-builders'
import { addBuyer, placeOrder, setShipping, stockOf, type TestBuyer } from '../support/order-builders'
import { listingBody, signInBuyer, signInFarmer, signInManager, uploadPhoto, type Actor, type FarmerActor } from './farmer-listings-fixtures'

/** The south-west cheap, the rest standard, by the kilo; Tibet not served; free from ¥99. */
const coopTemplate = {
  name: '生鲜运费',
  basis: 'weight',
  zones: [
    { provinces: ['贵州省', '云南省', '四川省', '重庆市'], firstUnits: 1000, firstFeeFen: 800, stepUnits: 1000, stepFeeFen: 200 },
    { provinces: [], firstUnits: 1000, firstFeeFen: 1200, stepUnits: 1000, stepFeeFen: 500 },
  ],
  freeFromFen: 9900,
  notServed: ['西藏自治区'],
  shipsFrom: '贵州省毕节市威宁县',
}
/** Wang's own: by the box, anywhere. */
const boxTemplate = {
  name: '按箱计费',
  basis: 'piece',
  zones: [{ provinces: [], firstUnits: 1, firstFeeFen: 1500, stepUnits: 1, stepFeeFen: 500 }],
  freeFromFen: null,
  notServed: [],
  shipsFrom: '贵州省毕节市威宁县板底乡',
}

let t: TestApp
let coopId: number
let manager: Actor
let otherManager: Actor
let wang: FarmerActor
let otherFarmer: FarmerActor
/** A farmer of a cooperative that never sets a template. */
let loneFarmer: FarmerActor
let appleProduct: number
/** 10斤 (5 kg) boxes of zhang's apples (¥49.90) and li's potatoes (¥29.90); 5斤 boxes of wang's walnuts (¥39.90). */
let appleSpec: number
let potatoSpec: number
let walnutSpec: number
let zhangId: number
let liId: number
/** Buyers with an address in each province the tests ship to. */
let guangdong: TestBuyer
let tibet: TestBuyer
let guizhou: TestBuyer

type Group = { farmer: { id: number }; lines: { problem: string | null }[]; itemsFen: number; shippingFen: number; totalFen: number; shippingRule: object; freight: Record<string, unknown> }

async function buyerIn(province: string): Promise<TestBuyer> {
  const buyer = await addBuyer(t)
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/addresses',
    headers: buyer.auth,
    payload: { name: '林晓', phone: '13800000000', province, city: '某市', district: '某区', detail: '某路 1 号', isDefault: true },
  })
  if (res.statusCode !== 201) throw new Error(`address: ${res.statusCode} ${res.body}`)
  return { ...buyer, addressId: res.json().id }
}

/** Priced to the buyer's address, to another one, or (null) to none yet. */
const preview = (buyer: TestBuyer, items: { specId: number; quantity: number }[], addressId: number | null = buyer.addressId) =>
  t.app.inject({ method: 'POST', url: '/api/v1/checkout/preview', headers: buyer.auth, payload: { items, ...(addressId === null ? {} : { addressId }) } })
const groupOf = (body: { groups: Group[] }, farmerId: number) => body.groups.find((g) => g.farmer.id === farmerId)!
const coopPut = (actor: Actor, payload: unknown, query = '') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/coop/freight-template${query}`, headers: actor.auth, payload: payload as object })
const coopGet = (actor: Actor, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/coop/freight-template${query}`, headers: actor.auth })
const farmerCall = (actor: Actor, method: 'GET' | 'PUT' | 'DELETE', payload?: object) =>
  t.app.inject({ method, url: '/api/v1/farmer/freight-template', headers: actor.auth, ...(payload ? { payload } : {}) })

async function rowCounts() {
  const [[c], [o]] = await Promise.all([t.store.db.select({ n: count() }).from(checkouts), t.store.db.select({ n: count() }).from(orders)])
  return { checkouts: c.n, orders: o.n }
}

beforeAll(async () => {
  t = await startTestApp()
  const db = t.store.db
  await addCategory(db, 'fruit', '水果')
  const coop = await addCooperative(db)
  coopId = coop.id
  const otherCoop = await addCooperative(db, { name: '修文县谷堡猕猴桃种植专业合作社', county: '修文县' })
  manager = await signInManager(t, coop.id)
  otherManager = await signInManager(t, otherCoop.id)
  zhangId = (await addFarmer(db, coop.id, { name: '张国华' })).id
  liId = (await addFarmer(db, coop.id, { name: '李秀英', village: '迤那镇五星村' })).id
  wang = await signInFarmer(t, coop.id, '板底乡雄鹰村')
  otherFarmer = await signInFarmer(t, otherCoop.id, '谷堡乡')
  const loneCoop = await addCooperative(db, { name: '湄潭县永兴茶叶专业合作社', county: '湄潭县' })
  loneFarmer = await signInFarmer(t, loneCoop.id, '永兴镇')
  const box = (name: string, priceFen: number, netWeightG: number) => [{ name, priceFen, unit: '箱' as const, netWeightG, stock: 100 }]
  const apple = await addProduct(db, zhangId, { title: '威宁苹果' }, box('10斤装', 4990, 5000))
  appleProduct = apple.id
  appleSpec = apple.specs[0].id
  potatoSpec = (await addProduct(db, liId, { title: '威宁洋芋' }, box('10斤装', 2990, 5000))).specs[0].id
  walnutSpec = (await addProduct(db, wang.farmerId, { title: '威宁核桃' }, box('5斤装', 3990, 2500))).specs[0].id
  const saved = await coopPut(manager, coopTemplate)
  if (saved.statusCode !== 200) throw new Error(`template: ${saved.statusCode} ${saved.body}`)
  guangdong = await buyerIn('广东省')
  tibet = await buyerIn('西藏')
  guizhou = await buyerIn('贵州')
})
afterAll(() => t.close())

describe('the fee per farmer at checkout', () => {
  it('placement charges exactly what the preview showed for 5 kg to Guangdong', async () => {
    const items = [{ specId: appleSpec, quantity: 1 }]
    const shown = await preview(guangdong, items)
    expect(shown.statusCode).toBe(200)
    const group = groupOf(shown.json(), zhangId)
    // Guangdong is the fallback zone: first 1 kg ¥12.00 + 4 further kg × ¥5.00 = ¥32.00
    expect(group).toMatchObject({ itemsFen: 4990, shippingFen: 3200, totalFen: 8190, shippingRule: { feeFen: 3200, freeFromFen: 9900 } })
    expect(group.freight).toEqual({
      province: '广东省',
      units: 5000,
      basis: 'weight',
      feeFen: 3200,
      freeFromFen: 9900,
      explanation: '广东省 · 首重1kg ¥12.00，续重每1kg ¥5.00 · 共5kg · 满¥99.00包邮',
      notServed: false,
    })
    expect(shown.json()).toMatchObject({ shippingFen: 3200, totalFen: 8190, orderable: true })

    const placed = await placeOrder(t, guangdong, items)
    expect(placed.statusCode).toBe(201)
    const checkout = placed.json()
    expect(checkout.totalFen).toBe(shown.json().totalFen)
    expect(checkout.orders).toEqual([expect.objectContaining({ itemsFen: 4990, shippingFen: 3200, totalFen: 8190 })])
  })

  it('prices the same parcel by the address: cheaper to Guizhou (the buyer typed 贵州), the fallback zone before an address is chosen', async () => {
    const items = [{ specId: appleSpec, quantity: 1 }]
    // first 1 kg ¥8.00 + 4 × ¥2.00
    expect(groupOf((await preview(guizhou, items)).json(), zhangId)).toMatchObject({ shippingFen: 1600, freight: { province: '贵州省', feeFen: 1600 } })
    const noAddress = groupOf((await preview(guizhou, items, null)).json(), zhangId)
    expect(noAddress).toMatchObject({ shippingFen: 3200, freight: { province: null, feeFen: 3200, notServed: false } })
    expect(noAddress.freight.explanation).toMatch(/^未选收货地址 · /)
  })

  it('free-from applies per farmer: the farmer over his threshold ships free, the other in the same cart pays', async () => {
    const res = await preview(guangdong, [
      { specId: appleSpec, quantity: 2 },
      { specId: potatoSpec, quantity: 1 },
    ])
    const body = res.json()
    // zhang: 2 × ¥49.90 = ¥99.80 ≥ ¥99.00 → free; li: ¥29.90 for 5 kg → ¥32.00
    expect(groupOf(body, zhangId)).toMatchObject({ itemsFen: 9980, shippingFen: 0, freight: { feeFen: 0, units: 10_000, explanation: '满¥99.00包邮' } })
    expect(groupOf(body, liId)).toMatchObject({ itemsFen: 2990, shippingFen: 3200, totalFen: 6190 })
    expect(body).toMatchObject({ itemsFen: 12_970, shippingFen: 3200, totalFen: 16_170, orderable: true })
    const placed = await placeOrder(t, guangdong, [
      { specId: appleSpec, quantity: 2 },
      { specId: potatoSpec, quantity: 1 },
    ])
    expect(placed.statusCode).toBe(201)
    expect(placed.json().totalFen).toBe(16_170)
  })

  it('refuses someone else’s address and a malformed one', async () => {
    const other = await addBuyer(t)
    expect((await preview(other, [{ specId: appleSpec, quantity: 1 }], guangdong.addressId)).json().error.code).toBe('ADDRESS_NOT_FOUND')
    expect((await preview(other, [{ specId: appleSpec, quantity: 1 }], guangdong.addressId)).statusCode).toBe(404)
    for (const addressId of [0, -1, 'x', 1.5]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/checkout/preview', headers: other.auth, payload: { items: [{ specId: appleSpec, quantity: 1 }], addressId } })
      expect(res.statusCode).toBe(400)
    }
  })
})

describe('a province that is not served', () => {
  it('a not-served province is refused at preview (problem NOT_SERVED) and at placement (409 PROVINCE_NOT_SERVED) with the same reason, and nothing is reserved (stock unchanged, no order rows)', async () => {
    await setShipping(t, wang.farmerId, 600, null) // wang's own flat fee: he ships anywhere
    const items = [
      { specId: appleSpec, quantity: 1 },
      { specId: walnutSpec, quantity: 1 },
    ]
    const shown = (await preview(tibet, items)).json()
    const zhang = groupOf(shown, zhangId)
    // the buyer typed 西藏: the template names 西藏自治区
    expect(zhang.freight).toMatchObject({ province: '西藏自治区', notServed: true, feeFen: 0, explanation: '西藏自治区不发货' })
    expect(zhang.lines.map((l) => l.problem)).toEqual(['NOT_SERVED'])
    expect(zhang).toMatchObject({ itemsFen: 0, shippingFen: 0 })
    expect(groupOf(shown, wang.farmerId)).toMatchObject({ itemsFen: 3990, shippingFen: 600, freight: { notServed: false } })
    expect(shown.orderable).toBe(false)

    const stockBefore = [await stockOf(t, appleSpec), await stockOf(t, walnutSpec)]
    const rowsBefore = await rowCounts()
    const placed = await placeOrder(t, tibet, items)
    expect(placed.statusCode).toBe(409)
    expect(placed.json().error.code).toBe('PROVINCE_NOT_SERVED')
    expect([await stockOf(t, appleSpec), await stockOf(t, walnutSpec)]).toEqual(stockBefore)
    expect(await rowCounts()).toEqual(rowsBefore)
    await t.app.inject({ method: 'DELETE', url: '/api/v1/farmer/freight-template', headers: wang.auth })
  })

  it('ships anywhere, free, for a farmer whose cooperative has no template', async () => {
    const lone = (await addProduct(t.store.db, loneFarmer.farmerId, { title: '湄潭翠芽' }, [{ name: '250g', priceFen: 6800, unit: '个', netWeightG: 250, stock: 10 }])).specs[0].id
    const group = groupOf((await preview(tibet, [{ specId: lone, quantity: 1 }])).json(), loneFarmer.farmerId)
    expect(group).toMatchObject({ shippingFen: 0, freight: { feeFen: 0, notServed: false, freeFromFen: null, explanation: '包邮' }, shippingRule: { feeFen: 0, freeFromFen: null } })
    expect((await placeOrder(t, tibet, [{ specId: lone, quantity: 1 }])).statusCode).toBe(201)
  })
})

describe('a farmer’s own template', () => {
  it('a farmer’s override beats the cooperative’s template, and dropping it brings the cooperative’s back', async () => {
    const before = (await farmerCall(wang, 'GET')).json()
    expect(before).toMatchObject({ source: 'cooperative', applies: { name: '生鲜运费', farmerId: null }, cooperativeDefault: { name: '生鲜运费' } })

    const put = await farmerCall(wang, 'PUT', boxTemplate)
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ source: 'own', applies: { ...boxTemplate, farmerId: wang.farmerId }, cooperativeDefault: { name: '生鲜运费', farmerId: null } })
    // 3 boxes to Guangdong: ¥15.00 + 2 × ¥5.00, and Tibet is served by his own template
    const items = [{ specId: walnutSpec, quantity: 3 }]
    expect(groupOf((await preview(guangdong, items)).json(), wang.farmerId)).toMatchObject({
      shippingFen: 2500,
      freight: { basis: 'piece', units: 3, feeFen: 2500, explanation: '广东省 · 首件1件 ¥15.00，续件每1件 ¥5.00 · 共3件' },
    })
    expect(groupOf((await preview(tibet, items)).json(), wang.farmerId)).toMatchObject({ shippingFen: 2500, freight: { notServed: false } })
    // the cooperative's other farmers keep the cooperative's
    expect(groupOf((await preview(guangdong, [{ specId: appleSpec, quantity: 1 }])).json(), zhangId).shippingFen).toBe(3200)

    const dropped = await farmerCall(wang, 'DELETE')
    expect(dropped.statusCode).toBe(200)
    expect(dropped.json()).toMatchObject({ source: 'cooperative', applies: { farmerId: null } })
    // by the cooperative's again: 3 boxes (¥119.70) reach its ¥99.00; 2 boxes (5 kg) cost ¥12.00 + 4 × ¥5.00
    expect(groupOf((await preview(guangdong, items)).json(), wang.farmerId).shippingFen).toBe(0)
    expect(groupOf((await preview(guangdong, [{ specId: walnutSpec, quantity: 2 }])).json(), wang.farmerId).shippingFen).toBe(3200)
    expect((await farmerCall(wang, 'DELETE')).json().source).toBe('cooperative')
  })

  it('says 包邮 (source none) when neither the farmer nor the cooperative has one, and never shows another cooperative’s', async () => {
    expect((await farmerCall(loneFarmer, 'GET')).json()).toEqual({ applies: null, source: 'none', cooperativeDefault: null })
  })

  it('is for farmers only', async () => {
    const buyer = await signInBuyer(t)
    expect((await farmerCall(buyer, 'GET')).statusCode).toBe(403)
    expect((await farmerCall(buyer, 'PUT', boxTemplate)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/farmer/freight-template' })).statusCode).toBe(401)
  })
})

describe('the cooperative’s template', () => {
  it('is read back as saved, with provinces by their full names', async () => {
    const res = await coopGet(manager)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ...coopTemplate, farmerId: null, id: expect.any(Number), updatedAt: expect.any(String) })
    const short = await coopPut(manager, { ...coopTemplate, zones: [{ ...coopTemplate.zones[0], provinces: ['贵州', '云南', '四川', '重庆'] }, coopTemplate.zones[1]], notServed: ['西藏'] })
    expect(short.statusCode).toBe(200)
    expect(short.json()).toMatchObject(coopTemplate)
    expect((await coopGet(manager, `?cooperativeId=${coopId}`)).json()).toMatchObject(coopTemplate)
  })

  it('another cooperative’s manager cannot read or change it (404)', async () => {
    const before = (await coopGet(manager)).json()
    const read = await coopGet(otherManager, `?cooperativeId=${coopId}`)
    expect(read.statusCode).toBe(404)
    expect(read.json().error.code).toBe('NOT_FOUND')
    const write = await coopPut(otherManager, { ...coopTemplate, freeFromFen: 0 }, `?cooperativeId=${coopId}`)
    expect(write.statusCode).toBe(404)
    expect((await coopGet(manager)).json()).toEqual(before)
    // their own cooperative has none; saving theirs leaves this one alone, and their farmers see only theirs
    expect((await coopGet(otherManager)).json()).toBeNull()
    const mine = { ...boxTemplate, name: '猕猴桃运费' }
    expect((await coopPut(otherManager, mine)).json()).toMatchObject({ ...mine, farmerId: null })
    expect((await coopGet(manager)).json()).toEqual(before)
    expect((await farmerCall(otherFarmer, 'GET')).json()).toMatchObject({ source: 'cooperative', applies: { name: '猕猴桃运费' }, cooperativeDefault: { name: '猕猴桃运费' } })
  })

  it('two saves at once leave one of them whole: its zones, not a mix of both', async () => {
    const a = { ...coopTemplate, name: '甲', zones: [coopTemplate.zones[0], coopTemplate.zones[1]] }
    const b = { ...coopTemplate, name: '乙', zones: [{ ...coopTemplate.zones[1], firstFeeFen: 999 }] }
    const results = await Promise.all([coopPut(manager, a), coopPut(manager, b), coopPut(manager, a), coopPut(manager, b)])
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])
    const now = (await coopGet(manager)).json()
    expect([a, b].some((x) => now.name === x.name && JSON.stringify(now.zones) === JSON.stringify(x.zones))).toBe(true)
    expect((await coopPut(manager, coopTemplate)).statusCode).toBe(200)
  })

  it('is for managers only', async () => {
    expect((await coopGet(wang)).statusCode).toBe(403)
    expect((await coopPut(wang, coopTemplate)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/coop/freight-template' })).statusCode).toBe(401)
  })

  it('a template with two fallback zones is refused (400)', async () => {
    const before = (await coopGet(manager)).json()
    const res = await coopPut(manager, { ...coopTemplate, zones: [coopTemplate.zones[1], { ...coopTemplate.zones[1], firstFeeFen: 1 }] })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('INVALID_FREIGHT_TEMPLATE')
    expect((await coopGet(manager)).json()).toEqual(before)
  })

  const zone = coopTemplate.zones[1]
  const badBodies: [string, string, unknown][] = [
    ['no name', 'VALIDATION_FAILED', { ...coopTemplate, name: undefined }],
    ['an empty name', 'VALIDATION_FAILED', { ...coopTemplate, name: '' }],
    ['a blank name', 'VALIDATION_FAILED', { ...coopTemplate, name: '   ' }],
    ['a name of 31 characters', 'VALIDATION_FAILED', { ...coopTemplate, name: '运'.repeat(31) }],
    ['another basis', 'VALIDATION_FAILED', { ...coopTemplate, basis: 'volume' }],
    ['no zones', 'VALIDATION_FAILED', { ...coopTemplate, zones: [] }],
    ['21 zones', 'VALIDATION_FAILED', { ...coopTemplate, zones: Array.from({ length: 21 }, () => zone) }],
    ['zones not a list', 'VALIDATION_FAILED', { ...coopTemplate, zones: zone }],
    ['a zone with an unknown field', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, feeFen: 1 }] }],
    ['a zone without provinces', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, provinces: undefined }] }],
    ['a province twice in a zone', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, provinces: ['广东省', '广东省'] }, zone] }],
    ['a province name too long', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, provinces: ['广'.repeat(13)] }, zone] }],
    ['35 provinces in a zone', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, provinces: Array.from({ length: 35 }, (_, i) => `省${i}`) }, zone] }],
    ['firstUnits 0', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstUnits: 0 }] }],
    ['firstUnits 1.5', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstUnits: 1.5 }] }],
    ['firstUnits over 1,000,000', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstUnits: 1_000_001 }] }],
    ['firstFeeFen below 0', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstFeeFen: -1 }] }],
    ['firstFeeFen as text', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstFeeFen: '12.00' }] }],
    ['firstFeeFen over ¥100,000', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, firstFeeFen: 10_000_001 }] }],
    ['stepUnits 0', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, stepUnits: 0 }] }],
    ['no stepUnits', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, stepUnits: undefined }] }],
    ['stepFeeFen below 0', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, stepFeeFen: -1 }] }],
    ['stepFeeFen 0.5', 'VALIDATION_FAILED', { ...coopTemplate, zones: [{ ...zone, stepFeeFen: 0.5 }] }],
    ['no freeFromFen', 'VALIDATION_FAILED', { ...coopTemplate, freeFromFen: undefined }],
    ['freeFromFen below 0', 'VALIDATION_FAILED', { ...coopTemplate, freeFromFen: -1 }],
    ['freeFromFen as text', 'VALIDATION_FAILED', { ...coopTemplate, freeFromFen: '99' }],
    ['no notServed', 'VALIDATION_FAILED', { ...coopTemplate, notServed: undefined }],
    ['a province twice not served', 'VALIDATION_FAILED', { ...coopTemplate, notServed: ['西藏自治区', '西藏自治区'] }],
    ['no shipsFrom', 'VALIDATION_FAILED', { ...coopTemplate, shipsFrom: undefined }],
    ['a shipsFrom of 41 characters', 'VALIDATION_FAILED', { ...coopTemplate, shipsFrom: '贵'.repeat(41) }],
    ['an unknown field', 'VALIDATION_FAILED', { ...coopTemplate, id: 5 }],
    ['not an object', 'VALIDATION_FAILED', [coopTemplate]],
    ['no fallback zone', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, zones: [coopTemplate.zones[0]] }],
    ['a province in two zones', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, zones: [coopTemplate.zones[0], { ...zone, provinces: ['贵州'] }, zone] }],
    ['a province both in a zone and not served', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, notServed: ['贵州省'] }],
    ['an unknown province in a zone', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, zones: [{ ...zone, provinces: ['火星'] }, zone] }],
    ['an unknown province not served', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, notServed: ['火星'] }],
    ['the same province spelled two ways, not served', 'INVALID_FREIGHT_TEMPLATE', { ...coopTemplate, notServed: ['西藏', '西藏自治区'] }],
  ]

  it.each(badBodies)('refuses %s with 400 %s, for the manager and the farmer alike, and changes nothing', async (_what, code, body) => {
    const before = (await coopGet(manager)).json()
    const res = await coopPut(manager, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe(code)
    const farmerRes = await farmerCall(wang, 'PUT', body as object)
    expect(farmerRes.statusCode).toBe(400)
    expect(farmerRes.json().error.code).toBe(code)
    expect((await coopGet(manager)).json()).toEqual(before)
    expect((await farmerCall(wang, 'GET')).json().source).toBe('cooperative')
  })

  it('refuses a malformed cooperative id in the query', async () => {
    for (const query of ['?cooperativeId=abc', '?cooperativeId=0', '?other=1']) {
      expect((await coopGet(manager, query)).statusCode).toBe(400)
      expect((await coopPut(manager, coopTemplate, query)).statusCode).toBe(400)
    }
  })
})

describe('farmers who had a flat fee', () => {
  it('the migration keeps an old flat fee: a one-zone flat template prices a heavy order like before, anywhere', async () => {
    const zhao = (await addFarmer(t.store.db, coopId, { name: '赵大山' })).id
    // 20 kg: four 5 kg boxes at ¥9.90, under his threshold of ¥50.00
    const spec = (await addProduct(t.store.db, zhao, { title: '威宁白菜' }, [{ name: '10斤装', priceFen: 990, unit: '箱', netWeightG: 5000, stock: 100 }])).specs[0].id
    await setShipping(t, zhao, 800, 5000)
    const items = [{ specId: spec, quantity: 4 }]
    for (const buyer of [guangdong, guizhou, tibet]) {
      const group = groupOf((await preview(buyer, items)).json(), zhao)
      expect(group).toMatchObject({ itemsFen: 3960, shippingFen: 800, totalFen: 4760, shippingRule: { feeFen: 800, freeFromFen: 5000 }, freight: { units: 20_000, notServed: false } })
    }
    const placed = await placeOrder(t, guangdong, items)
    expect(placed.json().orders[0]).toMatchObject({ shippingFen: 800, totalFen: 4760 })
    // from the threshold on, free as before
    expect(groupOf((await preview(guangdong, [{ specId: spec, quantity: 6 }])).json(), zhao)).toMatchObject({ itemsFen: 5940, shippingFen: 0 })
  })
})

describe('parcel weight and the product page', () => {
  let photo: string

  beforeAll(async () => {
    photo = await uploadPhoto(t, wang)
  })

  const create = (specs: object[]) => t.app.inject({ method: 'POST', url: '/api/v1/farmer/products', headers: wang.auth, payload: listingBody([photo], { specs }) })

  it('prices by a spec’s parcel weight (packaging included) when the listing gives one, and keeps it on an edit that leaves it out', async () => {
    const res = await create([{ name: '10斤装', priceFen: 4990, unit: '箱', netWeightG: 5000, parcelWeightG: 5600, stock: 10 }])
    expect(res.statusCode).toBe(201)
    const listing = res.json().listing
    expect(listing.specs[0]).toMatchObject({ netWeightG: 5000, parcelWeightG: 5600 })
    const specId = listing.specs[0].id
    // 5.6 kg to Guangdong: ¥12.00 + 5 steps (4.6 kg) × ¥5.00
    expect(groupOf((await preview(guangdong, [{ specId, quantity: 1 }])).json(), wang.farmerId)).toMatchObject({ shippingFen: 3700, freight: { units: 5600 } })

    const edit = (spec: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/farmer/products/${listing.id}`, headers: wang.auth, payload: listingBody([photo], { specs: [{ id: specId, name: '10斤装', priceFen: 4990, unit: '箱', netWeightG: 5000, stock: 10, ...spec }] }) })
    expect((await edit({})).json().listing.specs[0].parcelWeightG).toBe(5600)
    expect((await edit({ parcelWeightG: null })).json().listing.specs[0].parcelWeightG).toBeNull()
    expect(groupOf((await preview(guangdong, [{ specId, quantity: 1 }])).json(), wang.farmerId).freight.units).toBe(5000)
  })

  it.each([
    ['below the net weight', 4999],
    ['zero', 0],
    ['over 100 kg', 100_001],
    ['not whole grams', 5000.5],
    ['text', '5600'],
  ])('refuses a parcel weight %s (400)', async (_what, parcelWeightG) => {
    const res = await create([{ name: '10斤装', priceFen: 4990, unit: '箱', netWeightG: 5000, parcelWeightG, stock: 10 }])
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('shows 发货地, the provinces not served, free-from and the service phone on the product page', async () => {
    await t.store.db.update(cooperatives).set({ servicePhone: '0857-6221234' }).where(eq(cooperatives.id, coopId))
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/products/${appleProduct}` })
    expect(res.statusCode).toBe(200)
    expect(res.json().shipping).toEqual({ shipsFrom: '贵州省毕节市威宁县', notServed: ['西藏自治区'], freeFromFen: 9900, servicePhone: '0857-6221234' })
  })

  it('says where the cooperative is, and nothing refused, when no template applies', async () => {
    const product = await addProduct(t.store.db, loneFarmer.farmerId, { title: '湄潭红茶' }, [{ name: '250g', priceFen: 8800, unit: '个', netWeightG: 250, stock: 10 }])
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}` })
    expect(res.json().shipping).toEqual({ shipsFrom: '贵州省湄潭县', notServed: [], freeFromFen: null, servicePhone: null })
  })
})
