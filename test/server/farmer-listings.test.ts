import { startTestApp, type TestApp } from '../support/app'
import { addCategory, addCooperative } from '../support/catalog-builders'
import { contentCheckSandboxOf } from '../../server/src/wechat/sandbox/content-check-sandbox'
import { listingBody, signInFarmer, signInManager, uploadPhoto, type Actor, type FarmerActor } from './farmer-listings-fixtures'

let t: TestApp
let farmer: FarmerActor
let photo: string
let manager: Actor
let otherManager: Actor

beforeAll(async () => {
  t = await startTestApp()
  await addCategory(t.store.db, 'fruit', '水果')
  const coop = await addCooperative(t.store.db)
  const otherCoop = await addCooperative(t.store.db, { name: '修文县猕猴桃合作社', county: '修文县' })
  farmer = await signInFarmer(t, coop.id, '草海镇新华村')
  manager = await signInManager(t, coop.id)
  otherManager = await signInManager(t, otherCoop.id)
  photo = await uploadPhoto(t, farmer)
})
afterAll(() => t.close())

const sandbox = () => contentCheckSandboxOf(t.app)!
const create = (body: object, actor: Actor = farmer) => t.app.inject({ method: 'POST', url: '/api/v1/farmer/products', headers: actor.auth, payload: body })
const get = (url: string, actor: Actor) => t.app.inject({ method: 'GET', url, headers: actor.auth })
const post = (url: string, actor: Actor, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: actor.auth, payload })
const publicProduct = (id: number) => t.app.inject({ method: 'GET', url: `/api/v1/products/${id}` })

describe('listing a product', () => {
  it('publishes clean text at once, with the farmer’s village as origin and 斤 as the default unit', async () => {
    const res = await create(listingBody([photo], { specs: [{ name: '5斤装', priceFen: 2990, netWeightG: 2500, stock: 40 }] }))
    expect(res.statusCode).toBe(201)
    const { listing, check } = res.json()
    expect(check).toBe('pass')
    expect(listing).toMatchObject({ status: 'on_sale', reviewStatus: 'approved', reviewNote: null, origin: '草海镇新华村', hasOrders: false })
    expect(listing.specs).toEqual([expect.objectContaining({ name: '5斤装', unit: '斤', priceFen: 2990, stock: 40 })])
    expect(listing.photos).toEqual([{ key: photo, url: `/media/${photo}.jpg`, thumbUrl: `/media/${photo}.thumb.jpg` }])
    const shown = await publicProduct(listing.id)
    expect(shown.statusCode).toBe(200)
    expect(shown.json().title).toBe('高山红富士苹果')
  })

  it('refuses risky text with a plain Chinese message and saves nothing', async () => {
    const before = (await get('/api/v1/farmer/products?limit=50', farmer)).json().items.length
    for (const body of [
      listingBody([photo], { title: '赌博苹果' }),
      listingBody([photo], { description: '这里有违禁词' }),
      listingBody([photo], { specs: [{ name: '赌博装', priceFen: 100, netWeightG: 500, stock: 1 }] }),
    ]) {
      const res = await create(body)
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toEqual({ code: 'CONTENT_RISKY', message: '内容包含违规信息，请修改后再提交' })
    }
    expect((await get('/api/v1/farmer/products?limit=50', farmer)).json().items.length).toBe(before)
  })

  it('holds text WeChat wants reviewed until the manager approves it', async () => {
    const res = await create(listingBody([photo], { title: '待审核的土鸡蛋' }))
    expect(res.statusCode).toBe(201)
    const { listing, check } = res.json()
    expect(check).toBe('review')
    expect(listing.reviewStatus).toBe('pending_review')
    expect(listing.reviewNote).toMatch(/审核/)
    expect((await publicProduct(listing.id)).statusCode).toBe(404)
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/v1/products?limit=50' })).json().items
    expect(catalogue.map((p: { id: number }) => p.id)).not.toContain(listing.id)

    const queue = (await get('/api/v1/coop/reviews', manager)).json().items
    expect(queue.find((p: { id: number }) => p.id === listing.id)).toMatchObject({ title: '待审核的土鸡蛋', farmer: { id: farmer.farmerId } })
    expect((await get('/api/v1/coop/reviews', otherManager)).json().items).toEqual([])
    expect((await post(`/api/v1/coop/reviews/${listing.id}/approve`, otherManager)).statusCode).toBe(404)
    expect((await post(`/api/v1/coop/reviews/${listing.id}/approve`, farmer)).statusCode).toBe(403)

    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/coop/reviews/${listing.id}/approve`, headers: manager.auth }) // no body needed
    expect(approved.statusCode).toBe(200)
    expect(approved.json().reviewStatus).toBe('approved')
    expect((await publicProduct(listing.id)).statusCode).toBe(200)
    expect((await post(`/api/v1/coop/reviews/${listing.id}/approve`, manager)).json().error.code).toBe('NOT_PENDING_REVIEW')
  })

  it('a rejected listing tells the farmer why, and an edit goes back to the manager', async () => {
    const { listing } = (await create(listingBody([photo], { title: '待审核的野生菌' }))).json()
    const rejected = await post(`/api/v1/coop/reviews/${listing.id}/reject`, manager, { note: '请说明采摘地点' })
    expect(rejected.json()).toMatchObject({ reviewStatus: 'rejected', reviewNote: '请说明采摘地点' })
    const mine = (await get(`/api/v1/farmer/products/${listing.id}`, farmer)).json()
    expect(mine.reviewNote).toBe('请说明采摘地点')
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/farmer/products/${listing.id}`,
      headers: farmer.auth,
      payload: listingBody([photo], { title: '威宁野生菌', description: '采自草海镇后山松林' }),
    })
    expect(edited.json().listing).toMatchObject({ reviewStatus: 'pending_review' })
    expect((await get('/api/v1/coop/reviews', manager)).json().items.map((p: { id: number }) => p.id)).toContain(listing.id)
  })

  it('when the content check cannot be reached, holds the listing for review instead of publishing it', async () => {
    sandbox().outage = -1
    try {
      const res = await create(listingBody([photo], { title: '修文猕猴桃' }))
      expect(res.statusCode).toBe(201)
      expect(res.json().check).toBe('unavailable')
      expect(res.json().listing.reviewStatus).toBe('pending_review')
      expect((await publicProduct(res.json().listing.id)).statusCode).toBe(404)
    } finally {
      sandbox().outage = null
    }
  })

  it('refuses photos the farmer did not upload and unknown categories', async () => {
    const stranger = await signInFarmer(t, (await addCooperative(t.store.db)).id)
    const theirs = await uploadPhoto(t, stranger)
    expect((await create(listingBody([theirs]))).json().error.code).toBe('UNKNOWN_PHOTO')
    expect((await create(listingBody(['u/0123456789abcdef01234567']))).json().error.code).toBe('UNKNOWN_PHOTO')
    expect((await create(listingBody([photo], { categoryId: 'spaceships' }))).json().error.code).toBe('UNKNOWN_CATEGORY')
  })
})

describe('my products', () => {
  it('lists only my own, every status, in cursor pages', async () => {
    const other = await signInFarmer(t, (await addCooperative(t.store.db)).id)
    await create(listingBody([await uploadPhoto(t, other)], { title: '别人的苹果' }), other)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const res = await get(`/api/v1/farmer/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`, farmer)
      expect(res.statusCode).toBe(200)
      seen.push(...res.json().items.map((p: { id: number }) => p.id))
      cursor = res.json().nextCursor
    } while (cursor)
    expect(seen.length).toBe(4) // published, held, rejected-then-edited, check unavailable
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
    const titles = await Promise.all(seen.map(async (id) => (await get(`/api/v1/farmer/products/${id}`, farmer)).json().title))
    expect(titles).not.toContain('别人的苹果')
    expect(titles).toContain('待审核的土鸡蛋')
  })
})
