/**
 * A parcel's trail as the courier reports it: 揽收 → 运输中 → 派送中 → 签收, or unknown.
 */
export const TRACKING_STATES = ['unknown', 'collected', 'in_transit', 'delivering', 'signed'] as const
export type TrackingState = (typeof TRACKING_STATES)[number]

export interface TrackingEvent {
  /** UTC ISO time of the scan. */
  at: string
  state: TrackingState
  /** The courier's own words, e.g. 【贵阳市】已揽收. */
  text: string
}

/** What the buyer reads for each state (物流信息). */
export const TRACKING_STATE_LABELS: Record<TrackingState, string> = {
  unknown: '暂无物流信息',
  collected: '已揽收',
  in_transit: '运输中',
  delivering: '派送中',
  signed: '已签收',
}
