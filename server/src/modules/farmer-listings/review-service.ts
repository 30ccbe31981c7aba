/**
 * The cooperative manager's queue: listings the content check held back (or that could not
 * be checked), from farmers of the manager's own cooperative. Approve publishes; reject explains.
 */
import type { MeDto } from '@contracts/auth'
import type { ListingDto, ReviewItemDto } from '@contracts/farmer-listings'
import { AppError, forbidden, notFound } from '../../http/errors'
import { toListingDto } from './listing-input'
import type { ListingRepository } from './listing-repository'

const QUEUE_LIMIT = 50
const DEFAULT_REJECT_NOTE = '未通过合作社审核，请修改后重新提交'

function cooperativeOf(admin: MeDto): number {
  if (admin.cooperativeId === null) throw forbidden('This needs a cooperative manager')
  return admin.cooperativeId
}

export function createReviewService({ repo, clock }: { repo: ListingRepository; clock: () => Date }) {
  async function decide(admin: MeDto, productId: number, approve: boolean, note: string | undefined): Promise<ListingDto> {
    const coopId = cooperativeOf(admin)
    await repo.transaction(async (tx) => {
      const product = await repo.lockInCooperative(tx, coopId, productId)
      if (!product) throw notFound('Product')
      if (product.reviewStatus !== 'pending_review') throw new AppError('NOT_PENDING_REVIEW', 'This product is not waiting for review')
      const reviewNote = approve ? note?.trim() || null : note?.trim() || DEFAULT_REJECT_NOTE
      await repo.updateProduct(tx, productId, { reviewStatus: approve ? 'approved' : 'rejected', reviewNote, updatedAt: clock() })
    })
    const row = await repo.findById(repo.db, productId)
    if (!row) throw notFound('Product')
    return toListingDto(row, await repo.specsOf(repo.db, [productId]), (await repo.productsWithOrders(repo.db, [productId])).has(productId))
  }

  return {
    async list(admin: MeDto): Promise<{ items: ReviewItemDto[] }> {
      const rows = await repo.pendingReviews(cooperativeOf(admin), QUEUE_LIMIT)
      const ids = rows.map((r) => r.product.id)
      const [specs, ordered] = await Promise.all([repo.specsOf(repo.db, ids), repo.productsWithOrders(repo.db, ids)])
      return {
        items: rows.map(({ product, farmer }) => ({
          ...toListingDto(product, specs.filter((s) => s.productId === product.id), ordered.has(product.id)),
          farmer,
        })),
      }
    },
    approve: (admin: MeDto, productId: number, note?: string) => decide(admin, productId, true, note),
    reject: (admin: MeDto, productId: number, note?: string) => decide(admin, productId, false, note),
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
