/** Tracking's table: the courier's answer per parcel, cached. Written only by modules/tracking. */
import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import type { TrackingEvent, TrackingState } from '@domain/tracking'

/** The last answer of the tracking provider for one parcel (carrier + number). */
export const parcelTracking = pgTable(
  'parcel_tracking',
  {
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    state: text('state').$type<TrackingState>().notNull(),
    /** Oldest first. */
    events: jsonb('events').$type<TrackingEvent[]>().notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.carrier, t.trackingNo] })],
)
