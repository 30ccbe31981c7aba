/** SQL for parcel_tracking: the courier's last answer per parcel (carrier + number). */
import { and, eq, sql } from 'drizzle-orm'
import type { TrackingEvent, TrackingState } from '@domain/tracking'
import type { Executor } from '../../db/client'
import { parcelTracking } from '../../db/schema'

export interface ParcelRow {
  carrier: string
  trackingNo: string
  state: TrackingState
  /** Oldest first. */
  events: TrackingEvent[]
  fetchedAt: Date
}

export async function cachedParcel(db: Executor, carrier: string, trackingNo: string): Promise<ParcelRow | null> {
  const [row] = await db
    .select()
    .from(parcelTracking)
    .where(and(eq(parcelTracking.carrier, carrier), eq(parcelTracking.trackingNo, trackingNo)))
  return row ?? null
}

/** Keeps the courier's answer (the newest wins when two requests asked at once). */
export async function saveParcel(db: Executor, row: ParcelRow): Promise<void> {
  await db
    .insert(parcelTracking)
    .values(row)
    .onConflictDoUpdate({
      target: [parcelTracking.carrier, parcelTracking.trackingNo],
      set: { state: row.state, events: row.events, fetchedAt: row.fetchedAt },
      setWhere: sql`${parcelTracking.fetchedAt} <= excluded.fetched_at`,
    })
}
