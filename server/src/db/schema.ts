/**
 * The one Drizzle schema (PostgreSQL dialect; PGlite and PostgreSQL alike), one file per owning
 * module under ./schema: each table is written only by the module its file is named for.
 * Money is integer fen; time is timestamptz (UTC); calendar dates are `date`. Database enums
 * take their values from the domain's tuples (src/domain), so each list exists once.
 */
export * from './schema/auth'
export * from './schema/cooperatives'
export * from './schema/members'
export * from './schema/households'
export * from './schema/invites'
export * from './schema/catalog'
export * from './schema/farmer-listings'
export * from './schema/uploads'
export * from './schema/addresses'
export * from './schema/freight'
export * from './schema/tracking'
export * from './schema/orders'
export * from './schema/payments'
export * from './schema/after-sales'
export * from './schema/fulfilment'
export * from './schema/subscriptions'
export * from './schema/settlements'
export * from './schema/sales-rollup'
export * from './schema/jobs'
export * from './schema/sandbox'
