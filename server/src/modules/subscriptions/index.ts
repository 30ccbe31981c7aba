/**
 * The subscriptions module: a buyer's one-time consents to WeChat subscribe messages.
 * Owns (the only writer of) `subscribe_consents`; a sender spends one consent with `spendConsent`
 * in its own transaction.
 */
import type { ModuleContext } from '../../module-context'
import { createSubscriptionService } from './subscription-service'
import { subscriptionRoutes } from './subscription-routes'

export { spendConsent } from './consent-repository'

export async function registerSubscriptions(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(subscriptionRoutes, {
    auth: ctx.auth,
    subscriptions: createSubscriptionService(ctx.db),
    templates: { orderShipped: ctx.config.wechat.templateOrderShipped },
    clock: ctx.clock,
  })
}
