/**
 * Who tells us where a parcel is: one interface in front of a courier-tracking service. The
 * sandbox courier (sandbox-courier.ts) is the one implementation; a real aggregator (快递100,
 * 快递鸟 …) would be another, chosen by TRACKING_PROVIDER.
 */
import type { TrackingEvent, TrackingState } from '@domain/tracking'

/** What the courier says of one parcel: its state now and every scan, oldest first. */
export interface TrackingAnswer {
  state: TrackingState
  events: TrackingEvent[]
}

/**
 * What we know of the parcel's way, as aggregators take it to name the places better (optional):
 * where it was sent from and the buyer's province, city and district.
 */
export interface ParcelHint {
  from?: string
  province?: string
  city?: string
  district?: string
}

export interface TrackingProvider {
  /** The courier's answer for this carrier code (src/domain/couriers.ts) and number; throws when the courier cannot be asked now. */
  track(carrier: string, trackingNo: string, hint?: ParcelHint): Promise<TrackingAnswer>
}
