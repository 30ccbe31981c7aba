/**
 * A farmer's own listings: list, read, create, edit, delete. Texts pass the content check
 * before they are published; a farmer only ever reaches their own products (others are 404).
 */
import type { MeDto } from '@contracts/auth'
import type { ListingDto, ListingInputDto, ListingPageDto, ListingSavedDto, ReviewStatusDto } from '@contracts/farmer-listings'
import { AppError, forbidden, notFound } from '../../http/errors'
import { LIMITS } from '@domain/limits'
import { decodeCursor, encodeCursor } from '../catalog'
import type { ContentGate, GateOutcome } from './content-gate'
import { cleanListing, listingTexts, textsChanged, toListingDto, type CleanListing } from './listing-input'
import type { FarmerRef, ListingRepository, ProductRow } from './listing-repository'
import { FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../db/pg-errors'
import { applySpecPlan, planSpecs } from './spec-plan'

const REVIEW_NOTES = {
  review: '内容需要合作社人工审核，通过后买家才能看到',
  unavailable: '内容安全检查暂时不可用，已转合作社人工审核',
  resubmitted: '已修改，等待合作社重新审核',
} as const

export interface ListingServiceDeps {
  repo: ListingRepository
  gate: ContentGate
  ownedMediaKeys: (userId: number, keys: string[]) => Promise<Set<string>>
  clock: () => Date
}

const hasOrdersError = () => new AppError('PRODUCT_HAS_ORDERS', 'This product has orders and cannot be deleted; pause it instead')

export function createListingService({ repo, gate, ownedMediaKeys, clock }: ListingServiceDeps) {
  async function farmerOf(user: MeDto): Promise<FarmerRef> {
    const farmer = await repo.activeFarmerOfUser(user.id)
    if (!farmer) throw forbidden('This account is not an active farmer')
    return farmer
  }

  async function ownProduct(farmer: FarmerRef, productId: number): Promise<ProductRow> {
    const row = await repo.findOwn(repo.db, farmer.id, productId)
    if (!row) throw notFound('Product')
    return row
  }

  async function dto(row: ProductRow): Promise<ListingDto> {
    const [specs, ordered] = await Promise.all([repo.specsOf(repo.db, [row.id]), repo.productsWithOrders(repo.db, [row.id])])
    return toListingDto(row, specs, ordered.has(row.id))
  }

  /** 400s for an unknown category or a photo this user did not upload (photos already on the product are fine). */
  async function checkRefs(user: MeDto, listing: CleanListing, existingPhotos: string[] = []): Promise<void> {
    if (!(await repo.categoryExists(listing.categoryId))) throw new AppError('UNKNOWN_CATEGORY', `No category "${listing.categoryId}"`)
    const fresh = listing.photos.filter((k) => !existingPhotos.includes(k))
    const owned = await ownedMediaKeys(user.id, fresh)
    if (fresh.some((k) => !owned.has(k))) throw new AppError('UNKNOWN_PHOTO', 'A photo is not one you uploaded')
  }

  function reviewAfter(outcome: GateOutcome, previous: ReviewStatusDto | null): { reviewStatus: ReviewStatusDto; reviewNote: string | null } {
    if (outcome !== 'pass') return { reviewStatus: 'pending_review', reviewNote: REVIEW_NOTES[outcome] }
    if (previous === 'rejected') return { reviewStatus: 'pending_review', reviewNote: REVIEW_NOTES.resubmitted }
    return { reviewStatus: 'approved', reviewNote: null }
  }

  const specValues = (l: CleanListing) => l.specs.map(({ id: _id, ...s }, i) => ({ ...s, sortOrder: i }))

  return {
    farmerOf,

    async list(user: MeDto, query: { limit?: number; cursor?: string }): Promise<ListingPageDto> {
      const farmer = await farmerOf(user)
      const limit = query.limit ?? LIMITS.pageSizeDefault
      const rows = await repo.listOwn(farmer.id, query.cursor === undefined ? undefined : decodeCursor(query.cursor), limit + 1)
      const page = rows.slice(0, limit)
      const ids = page.map((r) => r.id)
      const [specs, ordered] = await Promise.all([repo.specsOf(repo.db, ids), repo.productsWithOrders(repo.db, ids)])
      return {
        items: page.map((r) => toListingDto(r, specs.filter((s) => s.productId === r.id), ordered.has(r.id))),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
      }
    },

    async get(user: MeDto, productId: number): Promise<ListingDto> {
      return dto(await ownProduct(await farmerOf(user), productId))
    },

    async create(user: MeDto, input: ListingInputDto): Promise<ListingSavedDto> {
      const farmer = await farmerOf(user)
      const listing = cleanListing(input, farmer.village)
      if (listing.specs.some((s) => s.id !== undefined)) throw new AppError('UNKNOWN_SPEC', 'A new product has no spec ids yet')
      await checkRefs(user, listing)
      const outcome = await gate.check(user.id, listingTexts(listing), listing.title)
      const { specs: _specs, ...fields } = listing
      const now = clock()
      const id = await repo.transaction((tx) =>
        repo.insertProduct(tx, { ...fields, farmerId: farmer.id, status: 'on_sale', ...reviewAfter(outcome, null), createdAt: now, updatedAt: now }, specValues(listing)),
      )
      return { listing: await dto(await ownProduct(farmer, id)), check: outcome }
    },

    async update(user: MeDto, productId: number, input: ListingInputDto): Promise<ListingSavedDto> {
      const farmer = await farmerOf(user)
      const before = await ownProduct(farmer, productId)
      const listing = cleanListing(input, farmer.village)
      await checkRefs(user, listing, before.photos)
      const beforeSpecs = await repo.specsOf(repo.db, [productId])
      const changed = textsChanged(before, beforeSpecs, listing)
      const outcome: GateOutcome = changed ? await gate.check(user.id, listingTexts(listing), listing.title) : 'pass'
      const review = changed ? reviewAfter(outcome, before.reviewStatus) : { reviewStatus: before.reviewStatus, reviewNote: before.reviewNote }
      await repo.transaction(async (tx) => {
        const locked = await repo.findOwn(tx, farmer.id, productId, true)
        if (!locked) throw notFound('Product')
        const current = await repo.specsOf(tx, [productId])
        const plan = planSpecs(current, listing.specs, await repo.specsWithOrders(tx, current.map((s) => s.id)))
        await applySpecPlan(repo, tx, productId, plan)
        const { specs: _specs, ...fields } = listing
        // Restocked in the edit: a sold-out product is on sale again (as with a stock adjustment).
        const restocked = locked.status === 'sold_out' && (await repo.specsOf(tx, [productId])).some((sp) => sp.stock > 0)
        const status = restocked ? 'on_sale' : locked.status
        await repo.updateProduct(tx, productId, { ...fields, ...review, status, updatedAt: clock() })
      })
      return { listing: await dto(await ownProduct(farmer, productId)), check: changed ? outcome : 'pass' }
    },

    /** Deletes a product never ordered; one with orders can only be paused. */
    async remove(user: MeDto, productId: number): Promise<void> {
      const farmer = await farmerOf(user)
      await repo
        .transaction(async (tx) => {
          if (!(await repo.findOwn(tx, farmer.id, productId, true))) throw notFound('Product')
          if ((await repo.productsWithOrders(tx, [productId])).size > 0) throw hasOrdersError()
          await repo.deleteProduct(tx, productId)
        })
        .catch((err: unknown) => {
          // An order placed in the same instant still holds a reference: same answer.
          throw pgErrorCode(err) === FOREIGN_KEY_VIOLATION ? hasOrdersError() : err
        })
    },
  }
}

export type ListingService = ReturnType<typeof createListingService>
