/**
 * The farmer-listings module: a farmer's own products and stock, the manager's review queue,
 * and — in sandbox mode — the fake msg_sec_check they are checked with.
 *
 * Owns (the only writer of) `products` and `product_specs` (product_specs.stock is moving to the
 * stock module). Other modules may read products: id, farmer_id, category_id, title,
 * description, status, review_status, photo keys, harvest window; product_specs: id, product_id,
 * name, unit, price_fen, net_weight_g, stock. Exports the content gate (WeChat's text check)
 * for the other modules that take text from farmers.
 */
import type { ModuleContext } from '../../module-context'
import { createContentCheck } from '../../wechat/content-check'
import { attachContentCheckSandbox, contentCheckSandboxRoutes, SandboxContentCheck } from '../../wechat/sandbox/content-check-sandbox'
import { ownedMediaKeys } from '../uploads'
import { createContentGate } from './content-gate'
import { createListingRepository } from './listing-repository'
import { listingRoutes } from './listing-routes'
import { createListingService } from './listing-service'
import { reviewRoutes } from './review-routes'
import { createReviewService } from './review-service'
import { createStockService } from './stock-service'

export { createContentGate, type ContentGate } from './content-gate'
export { insertProducts, insertSpecs, type NewListingProduct, type NewListingSpec } from './listing-inserts'

/** Where app.ts mounts the WeChat fakes (its SANDBOX_PREFIX). */
const SANDBOX_PREFIX = '/sandbox/wechat'

export async function registerFarmerListings(ctx: ModuleContext): Promise<void> {
  const { app, db, clock, auth } = ctx
  const repo = createListingRepository(db)
  const gate = createContentGate({ db, contentCheck: createContentCheck(ctx.accessTokens), log: app.log })
  const listings = createListingService({ repo, gate, ownedMediaKeys: (userId, keys) => ownedMediaKeys(db, userId, keys), clock })
  const stock = createStockService({ repo, listings, clock })
  await app.register(listingRoutes, { auth, listings, stock })
  await app.register(reviewRoutes, { auth, reviews: createReviewService({ repo, clock }) })

  if (ctx.sandboxMode && app.sandbox) {
    const sandbox = new SandboxContentCheck(ctx.config.sandboxRiskyWords, ctx.config.sandboxReviewWords)
    attachContentCheckSandbox(app, sandbox)
    await app.register(contentCheckSandboxRoutes, { prefix: SANDBOX_PREFIX, sandbox, accessTokens: app.sandbox.accessTokens })
  }
}
