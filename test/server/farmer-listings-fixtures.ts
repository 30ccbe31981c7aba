/** Shared by the farmer-side API tests: signed-in farmers and managers, test photos, a valid listing body. */
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { farmers, userRoles, users } from '../../server/src/db/schema'
import type { TestApp } from '../support/app'
import { addFarmer } from '../support/catalog-builders'

export interface Actor {
  userId: number
  auth: { authorization: string }
}

export interface FarmerActor extends Actor {
  farmerId: number
}

async function signIn(t: TestApp, openid: string): Promise<Actor> {
  const token = await t.login(openid)
  const [user] = await t.store.db.select({ id: users.id }).from(users).where(eq(users.openid, openid))
  return { userId: user.id, auth: { authorization: `Bearer ${token}` } }
}

export async function signInBuyer(t: TestApp): Promise<Actor> {
  return signIn(t, `buyer-${crypto.randomUUID()}`)
}

export async function signInFarmer(t: TestApp, cooperativeId: number, village = '草海镇新华村'): Promise<FarmerActor> {
  const actor = await signIn(t, `farmer-${crypto.randomUUID()}`)
  const farmer = await addFarmer(t.store.db, cooperativeId, { userId: actor.userId, village })
  await t.store.db.insert(userRoles).values({ userId: actor.userId, role: 'farmer' })
  return { ...actor, farmerId: farmer.id }
}

export async function signInManager(t: TestApp, cooperativeId: number): Promise<Actor> {
  const actor = await signIn(t, `coop-${crypto.randomUUID()}`)
  await t.store.db.insert(userRoles).values({ userId: actor.userId, role: 'coop_admin', cooperativeId })
  return actor
}

export async function deactivate(t: TestApp, farmerId: number): Promise<void> {
  await t.store.db.update(farmers).set({ active: false }).where(eq(farmers.id, farmerId))
}

/** A real JPEG (a gradient, so it has content), optionally carrying EXIF with a GPS block. */
export async function testJpeg({ width = 1200, height = 900, gps = false } = {}): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 120, g: 160, b: 60 } } }).jpeg({ quality: 80 })
  if (!gps) return image.toBuffer()
  return image
    .withExif({
      IFD0: { Make: 'VillagePhone', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '26/1 52/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '104/1 17/1 0/1', GPSMapDatum: 'WGS-84' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

export function upload(t: TestApp, actor: Actor, bytes: Buffer, { uploadId, contentType = 'image/jpeg' }: { uploadId?: string; contentType?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: { ...actor.auth, 'content-type': contentType, ...(uploadId ? { 'upload-id': uploadId } : {}) },
    payload: bytes,
  })
}

/** Uploads a photo and returns its media key. */
export async function uploadPhoto(t: TestApp, actor: Actor): Promise<string> {
  const res = await upload(t, actor, await testJpeg({ width: 800, height: 600 }))
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return res.json().key as string
}

export function listingBody(photos: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: '高山红富士苹果',
    description: '海拔两千米的果园，脆甜多汁。',
    categoryId: 'fruit',
    photos,
    harvestStart: '2026-09-01',
    harvestEnd: '2026-12-31',
    specs: [
      { name: '5斤装', priceFen: 2990, netWeightG: 2500, stock: 40 },
      { name: '10斤装', priceFen: 5490, unit: '斤', netWeightG: 5000, stock: 20 },
    ],
    ...overrides,
  }
}
