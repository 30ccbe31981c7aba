/**
 * A buyer's parcel trail: the courier's answer for the order's carrier and number, cached per
 * parcel in parcel_tracking. An answer younger than 30 minutes is used again (a signed one for
 * ever); when the courier cannot be asked, the last answer is shown, and without one a friendly
 * 暂无物流信息 — the trail never fails the page. It never changes the order: receipt is still
 * confirmed 10 days after shipping whatever the trail says (orders' auto-confirm job).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { ParcelTrailDto } from '@contracts/freight'
import { courierName } from '@domain/couriers'
import type { TrackingEvent, TrackingState } from '@domain/tracking'
import type { Db } from '../../db/client'
import { AppError, notFound } from '../../http/errors'
import { cooperativeOfFarmer } from '../members'
import { findOrder } from '../orders'
import type { TrackingProvider } from './tracking-provider'
import { cachedParcel, saveParcel, type ParcelRow } from './tracking-repository'

/** How long a courier's answer is used again before asking anew. */
export const TRACKING_FRESH_MS = 30 * 60_000

export const TRAIL_REASONS = {
  noProvider: '暂未接入物流查询，请凭快递单号到快递公司官网或公众号查询',
  notFoundYet: '快递公司暂未查到这个单号的物流信息，刚发货的包裹通常几小时后才能查到',
  courierDown: '物流信息暂时查不到，请稍后再试',
  stale: '物流信息暂时无法更新，以下是上次查到的信息',
} as const

export interface TrackingServiceDeps {
  db: Db
  clock: () => Date
  /** null: no provider configured (TRACKING_PROVIDER=none). */
  provider: TrackingProvider | null
  log: FastifyBaseLogger
}

const isFresh = (row: ParcelRow, now: Date) => row.state === 'signed' || now.getTime() - row.fetchedAt.getTime() < TRACKING_FRESH_MS

export function createTrackingService({ db, clock, provider, log }: TrackingServiceDeps) {
  return {
    /** The trail of the buyer's own shipped (or received) order; anyone else's is a 404, one not shipped yet a 409. */
    async trailOf(buyerId: number, orderId: number): Promise<ParcelTrailDto> {
      const order = await findOrder(db, orderId)
      if (!order || order.buyerId !== buyerId) throw notFound('Order')
      if (!order.shippedAt || !order.carrier || !order.trackingNo) throw new AppError('ORDER_NOT_SHIPPED', `Order ${order.orderNo} has not shipped yet`)
      const { carrier, trackingNo } = order
      const now = clock()
      const trail = (state: TrackingState, events: TrackingEvent[], fetchedAt: Date, reason: string | null): ParcelTrailDto => ({
        carrier,
        carrierName: courierName(carrier),
        trackingNo,
        state,
        events,
        fetchedAt: fetchedAt.toISOString(),
        reason: reason ?? (state === 'unknown' ? TRAIL_REASONS.notFoundYet : null),
      })
      if (!provider) return trail('unknown', [], now, TRAIL_REASONS.noProvider)

      const cached = await cachedParcel(db, carrier, trackingNo)
      if (cached && isFresh(cached, now)) return trail(cached.state, cached.events, cached.fetchedAt, null)
      try {
        const coop = await cooperativeOfFarmer(db, order.farmerId)
        const { province, city, district } = order.address
        const answer = await provider.track(carrier, trackingNo, { from: coop?.county, province, city, district })
        const fetchedAt = clock()
        await saveParcel(db, { carrier, trackingNo, state: answer.state, events: answer.events, fetchedAt })
        return trail(answer.state, answer.events, fetchedAt, null)
      } catch (err) {
        log.warn({ err, carrier, trackingNo }, 'tracking provider failed')
        if (cached) return trail(cached.state, cached.events, cached.fetchedAt, cached.events.length > 0 ? TRAIL_REASONS.stale : TRAIL_REASONS.courierDown)
        return trail('unknown', [], now, TRAIL_REASONS.courierDown)
      }
    },
  }
}

export type TrackingService = ReturnType<typeof createTrackingService>
