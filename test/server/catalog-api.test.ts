import { startTestApp, type TestApp } from '../support/app'
import { addCategory, addCooperative, addFarmer, addProduct } from '../support/catalog-builders'

// Fixed "now": 2026-11-28 10:00 in China.
const NOW = new Date('2026-11-28T02:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await startTestApp({}, () => NOW)
})
afterAll(() => t.close())

const get = (url: string) => t.app.inject({ method: 'GET', url })

describe('browsing the catalogue', () => {
  let weiningId: number
  let appleId: number
  let kiwiId: number
  let farmerId: number

  beforeAll(async () => {
    const db = t.store.db
    await addCategory(db, 'fruit', '水果', 1)
    await addCategory(db, 'grains', '杂粮', 2)
    await addCategory(db, 'empty', '空类目', 3)
    const weining = await addCooperative(db)
    const xiuwen = await addCooperative(db, { name: '修文县猕猴桃合作社', county: '修文县' })
    weiningId = weining.id
    const zhang = await addFarmer(db, weining.id, { name: '张国华' })
    farmerId = zhang.id
    const li = await addFarmer(db, xiuwen.id, { name: '李春梅', village: '六屯镇' })
    const apple = await addProduct(db, zhang.id, { title: '威宁高原红富士苹果' }, [
      { name: '10斤装', priceFen: 5490, netWeightG: 5000 },
      { name: '5斤装', priceFen: 2990, netWeightG: 2500, stock: 3 },
    ])
    appleId = apple.id
    await addProduct(db, zhang.id, { title: '苦荞米', categoryId: 'grains', harvestStart: '2027-06-01', harvestEnd: '2027-08-31', shipsFrom: '2027-06-01' })
    await addProduct(db, zhang.id, { title: '暂停的苹果', status: 'paused' })
    const kiwi = await addProduct(db, li.id, { title: '修文贵长猕猴桃', origin: '贵州·修文' })
    kiwiId = kiwi.id
  })

  it('lists products on sale newest first with the cheapest spec, farmer and cooperative', async () => {
    const res = await get('/api/v1/products')
    expect(res.statusCode).toBe(200)
    const { items, nextCursor } = res.json()
    expect(items.map((p: { title: string }) => p.title)).toEqual(['修文贵长猕猴桃', '苦荞米', '威宁高原红富士苹果'])
    expect(nextCursor).toBeNull()
    const apple = items[2]
    expect(apple).toMatchObject({
      id: appleId,
      priceFromFen: 2990,
      priceUnit: '斤',
      specCount: 2,
      inSeason: true,
      farmer: { id: farmerId, name: '张国华' },
      cooperative: { id: weiningId, province: '贵州省' },
      cover: { url: '/media/demo/test-apple.jpg', thumbUrl: '/media/demo/test-apple.thumb.jpg' },
    })
  })

  it('pages through every product exactly once by cursor', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/products?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const page = (await get(url)).json()
      expect(page.items).toHaveLength(1)
      seen.push(page.items[0].id)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(3)
    expect(new Set(seen).size).toBe(3)
  })

  it('filters by in-season, category, cooperative and farmer', async () => {
    const titles = async (q: string) => (await get(`/api/v1/products?${q}`)).json().items.map((p: { title: string }) => p.title)
    expect(await titles('inSeason=true')).toEqual(['修文贵长猕猴桃', '威宁高原红富士苹果'])
    expect(await titles('inSeason=false')).toEqual(['苦荞米'])
    expect(await titles('category=grains')).toEqual(['苦荞米'])
    expect(await titles(`cooperative=${weiningId}`)).toEqual(['苦荞米', '威宁高原红富士苹果'])
    expect(await titles(`farmer=${farmerId}&inSeason=true`)).toEqual(['威宁高原红富士苹果'])
  })

  it('searches title, origin and farmer name, treating % and _ literally', async () => {
    const titles = async (q: string) =>
      (await get(`/api/v1/products?q=${encodeURIComponent(q)}`)).json().items.map((p: { title: string }) => p.title)
    expect(await titles('苹果')).toEqual(['威宁高原红富士苹果'])
    expect(await titles('修文')).toEqual(['修文贵长猕猴桃'])
    expect(await titles('李春梅')).toEqual(['修文贵长猕猴桃'])
    expect(await titles('%')).toEqual([])
    expect(await titles('_')).toEqual([])
  })

  it('shows a product with all its specs, farmer story and pre-sale date', async () => {
    const res = await get(`/api/v1/products/${appleId}`)
    expect(res.statusCode).toBe(200)
    const p = res.json()
    expect(p.specs.map((s: { name: string; priceFen: number; stock: number }) => [s.name, s.priceFen, s.stock])).toEqual([
      ['10斤装', 5490, 50],
      ['5斤装', 2990, 3],
    ])
    expect(p.farmer.story).toBe('种了二十年苹果。')
    expect(p.photos).toEqual([{ url: '/media/demo/test-apple.jpg', thumbUrl: '/media/demo/test-apple.thumb.jpg' }])
  })

  it('shows a farmer with their visible products but never their poverty registration', async () => {
    const res = await get(`/api/v1/farmers/${farmerId}`)
    expect(res.statusCode).toBe(200)
    const f = res.json()
    expect(f.name).toBe('张国华')
    expect(f.products.map((p: { title: string }) => p.title)).toEqual(['苦荞米', '威宁高原红富士苹果'])
    expect(JSON.stringify(f)).not.toMatch(/poor/i)
  })

  it('counts visible products per category, keeping empty categories', async () => {
    const res = await get('/api/v1/categories')
    expect(res.json().items).toEqual([
      { id: 'fruit', name: '水果', productCount: 2 },
      { id: 'grains', name: '杂粮', productCount: 1 },
      { id: 'empty', name: '空类目', productCount: 0 },
    ])
  })

  it('hides a deactivated farmer and their products', async () => {
    const db = t.store.db
    const coop = await addCooperative(db, { name: '临时合作社' })
    const gone = await addFarmer(db, coop.id, { name: '已退出农户', active: false })
    const hidden = await addProduct(db, gone.id, { title: '看不见的土豆' })
    expect((await get(`/api/v1/products/${hidden.id}`)).statusCode).toBe(404)
    expect((await get(`/api/v1/farmers/${gone.id}`)).statusCode).toBe(404)
    expect((await get('/api/v1/products?q=土豆')).json().items).toEqual([])
    expect(kiwiId).toBeGreaterThan(0)
  })
})

describe('bad input on catalogue endpoints', () => {
  const cases: [string, string, number, string][] = [
    ['a non-numeric product id', '/api/v1/products/abc', 400, 'VALIDATION_FAILED'],
    ['a negative product id', '/api/v1/products/-1', 400, 'VALIDATION_FAILED'],
    ['a huge product id', '/api/v1/products/99999999999999999999', 400, 'VALIDATION_FAILED'],
    ['an unknown product id', '/api/v1/products/987654', 404, 'NOT_FOUND'],
    ['an unknown farmer id', '/api/v1/farmers/987654', 404, 'NOT_FOUND'],
    ['a non-numeric farmer id', '/api/v1/farmers/x', 400, 'VALIDATION_FAILED'],
    ['a forged cursor', '/api/v1/products?cursor=not-a-cursor', 400, 'INVALID_CURSOR'],
    ['a cursor holding a string id', `/api/v1/products?cursor=${Buffer.from('{"id":"1"}').toString('base64url')}`, 400, 'INVALID_CURSOR'],
    ['an over-long cursor', `/api/v1/products?cursor=${'a'.repeat(500)}`, 400, 'VALIDATION_FAILED'],
    ['a zero limit', '/api/v1/products?limit=0', 400, 'VALIDATION_FAILED'],
    ['a limit over the maximum', '/api/v1/products?limit=1000', 400, 'VALIDATION_FAILED'],
    ['a limit that is not a number', '/api/v1/products?limit=ten', 400, 'VALIDATION_FAILED'],
    ['a huge search string', `/api/v1/products?q=${'苹'.repeat(800)}`, 400, 'VALIDATION_FAILED'],
    ['an empty search string', '/api/v1/products?q=', 400, 'VALIDATION_FAILED'],
    ['a malformed category', '/api/v1/products?category=DROP%20TABLE', 400, 'VALIDATION_FAILED'],
    ['a non-boolean inSeason', '/api/v1/products?inSeason=maybe', 400, 'VALIDATION_FAILED'],
    ['a non-numeric cooperative', '/api/v1/products?cooperative=abc', 400, 'VALIDATION_FAILED'],
    ['an unknown route', '/api/v1/nothing-here', 404, 'NOT_FOUND'],
    ['a path parameter over 100 characters', `/api/v1/products/${'9'.repeat(101)}`, 414, 'URI_TOO_LONG'],
    ['a path with broken percent-encoding', '/api/v1/products/%E0%A4%A', 400, 'BAD_URL'],
  ]
  it.each(cases)('answers %s with a JSON 4xx', async (_name, url, status, code) => {
    const res = await get(url)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) } })
  })
})
