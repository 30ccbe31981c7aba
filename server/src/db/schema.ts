/**
 * The one Drizzle schema (PostgreSQL dialect; PGlite and PostgreSQL alike), one file per area
 * under ./schema. Money is integer fen; time is timestamptz (UTC); calendar dates are `date`.
 */
export * from './schema/core'
export * from './schema/ordering'
export * from './schema/farming'
export * from './schema/cooperative'
export * from './schema/reports'
