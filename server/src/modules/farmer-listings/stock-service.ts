/**
 * Quick changes a farmer makes from the list: pause, resume, sold out, stock ± per spec.
 * A spec's stock is what is left to sell (placed orders already took theirs), so it never goes below 0.
 */
import type { MeDto } from '@contracts/auth'
import type { ListingDto, StockResultDto } from '@contracts/farmer-listings'
import { AppError, notFound } from '../../http/errors'
import type { Tx } from '../../db/client'
import { adjustStock, zeroStockOfProduct } from '../stock'
import type { ListingRepository } from './listing-repository'
import type { ListingService } from './listing-service'

export function createStockService({ repo, listings, clock }: { repo: ListingRepository; listings: ListingService; clock: () => Date }) {
  /** Runs `change` on the farmer's own locked product, then returns it fresh. */
  async function withOwnProduct(user: MeDto, productId: number, change: (tx: Tx, specStock: number[]) => Promise<void>): Promise<ListingDto> {
    const farmer = await listings.farmerOf(user)
    await repo.transaction(async (tx) => {
      const product = await repo.findOwn(tx, farmer.id, productId, true)
      if (!product) throw notFound('Product')
      await change(tx, (await repo.specsOf(tx, [productId])).map((s) => s.stock))
    })
    return listings.get(user, productId)
  }

  return {
    pause(user: MeDto, productId: number): Promise<ListingDto> {
      return withOwnProduct(user, productId, (tx) => repo.updateProduct(tx, productId, { status: 'paused', updatedAt: clock() }))
    },

    /** Back on sale; with nothing in stock there is nothing to sell, so the farmer is asked to add stock first. */
    resume(user: MeDto, productId: number): Promise<ListingDto> {
      return withOwnProduct(user, productId, async (tx, stock) => {
        if (stock.every((s) => s === 0)) throw new AppError('NO_STOCK', 'Add stock before putting it back on sale')
        await repo.updateProduct(tx, productId, { status: 'on_sale', updatedAt: clock() })
      })
    },

    /** Everything is gone: stock 0 on every spec, marked sold out until restocked. */
    soldOut(user: MeDto, productId: number): Promise<ListingDto> {
      return withOwnProduct(user, productId, async (tx) => {
        await zeroStockOfProduct(tx, productId)
        await repo.updateProduct(tx, productId, { status: 'sold_out', updatedAt: clock() })
      })
    },

    /** Adds `delta` (may be negative) to one spec's stock; restocking a sold-out product puts it back on sale. */
    async adjust(user: MeDto, specId: number, delta: number): Promise<StockResultDto> {
      const farmer = await listings.farmerOf(user)
      return repo.transaction(async (tx) => {
        const row = await repo.lockSpecOfFarmer(tx, farmer.id, specId)
        if (!row) throw notFound('Spec')
        const stock = await adjustStock(tx, specId, delta)
        if (stock === null) throw new AppError('STOCK_BELOW_ZERO', `Only ${row.spec.stock} left; stock cannot go below 0`)
        let productStatus = row.productStatus
        if (productStatus === 'sold_out' && stock > 0) {
          productStatus = 'on_sale'
          await repo.updateProduct(tx, row.spec.productId, { status: productStatus, updatedAt: clock() })
        }
        return { specId, stock, productStatus }
      })
    },
  }
}

export type StockService = ReturnType<typeof createStockService>
