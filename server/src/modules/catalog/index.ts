/**
 * The catalog module: the buyer's product feed, product detail, categories and farmer profiles.
 * Owns (the only writer of) `categories`, added through `addCategories`; it reads products,
 * specs, farmers and cooperatives. The opaque page cursor is shared with the other lists that
 * page by id.
 */
export { createCatalogRepository } from './catalog-repository'
export { createCatalogService, type CatalogService } from './catalog-service'
export { catalogRoutes } from './catalog-routes'
export { decodeCursor, encodeCursor } from './cursor'
export { addCategories, type NewCategory } from './category-writes'
