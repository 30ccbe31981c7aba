/**
 * Tracking: a parcel's trail (物流信息) from a tracking provider behind one interface, cached per
 * parcel. Owns (the only writer of) `parcel_tracking`; others may read all its columns.
 * TRACKING_PROVIDER=sandbox plays a courier (sandbox-courier.ts, handed to tests as
 * `app.sandbox.courier`); none answers every parcel with its number only. Reads orders (the
 * buyer's order, its carrier and number) and members (the sending county) through their doors;
 * never changes an order.
 */
import type { ModuleContext } from '../../module-context'
import { SandboxCourier } from './sandbox-courier'
import { cachedParcel } from './tracking-repository'
import { trackingRoutes } from './tracking-routes'
import { createTrackingService } from './tracking-service'
import type { TrackingProvider } from './tracking-provider'

export type { TrackingAnswer, TrackingProvider, ParcelHint } from './tracking-provider'
export { SandboxCourier, sandboxKnows, sandboxScans } from './sandbox-courier'
export { TRACKING_FRESH_MS, TRAIL_REASONS, type TrackingService } from './tracking-service'

export async function registerTracking(ctx: ModuleContext): Promise<void> {
  const { app, db, clock } = ctx
  let provider: TrackingProvider | null = null
  if (ctx.config.trackingProvider === 'sandbox') {
    const courier = new SandboxCourier({
      now: clock,
      firstSeen: async (carrier, trackingNo) => {
        const first = (await cachedParcel(db, carrier, trackingNo))?.events[0]
        return first ? new Date(first.at) : null
      },
    })
    if (app.sandbox) app.sandbox.courier = courier
    provider = courier
  }
  await app.register(trackingRoutes, { auth: ctx.auth, tracking: createTrackingService({ db, clock, provider, log: app.log }) })
}
