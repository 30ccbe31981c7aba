/**
 * The subscriptions module: a buyer's one-time consents to WeChat subscribe messages.
 * Owns (the only writer of) `subscribe_consents`; a sender spends one consent with `spendConsent`
 * in its own transaction.
 */
export { createSubscriptionService, spendConsent, type SubscriptionService } from './subscription-service'
export { subscriptionRoutes } from './subscription-routes'
