/**
 * The catalog module: the buyer's product feed, product detail, categories and farmer profiles.
 * Owns (the only writer of) `categories`, added through `addCategories`; it reads products,
 * specs, farmers and cooperatives (service_phone too), and a farmer's freight template through
 * modules/freight (the product page's 发货地 and 不发货地区). The opaque page cursor is shared with the other lists that
 * page by id.
 */
import type { ModuleContext } from '../../module-context'
import { createCatalogRepository } from './catalog-repository'
import { catalogRoutes } from './catalog-routes'
import { createCatalogService } from './catalog-service'

export { decodeCursor, encodeCursor } from './cursor'
export { addCategories, type NewCategory } from './category-writes'

/** Mounts the buyer's catalogue routes (feed, search, product, farmer, categories). */
export async function registerCatalog(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(catalogRoutes, { catalog: createCatalogService(createCatalogRepository(ctx.db), ctx.clock) })
}
