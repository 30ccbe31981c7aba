/**
 * A sandbox that plays a courier's tracking answers (TRACKING_PROVIDER=sandbox), deterministic
 * from the carrier, the number and the time since the parcel was first asked about:
 *   0 h 揽收 at the sending county → 运输中 through 【贵阳转运中心】 (and, for a buyer outside
 *   Guizhou, a second hub near them) → the buyer's city → 派送中 (24 h, or 48 h with two hubs) →
 *   签收 4 h later. Every scan after the first is a few minutes later for some numbers than for others.
 * A number the courier does not know answers `unknown` with no events: a carrier code not in
 * src/domain/couriers.ts, a number not matching TRACKING_NO_PATTERN, or one ending in 0000.
 *
 * It keeps no state of its own: when the parcel was first asked about is the first scan of the
 * answer it gave then, which tracking keeps in parcel_tracking (`firstSeen`). `calls` and
 * `failNext` are test switches, like the WeChat sandboxes'.
 */
import { COURIERS, isCourierCode, isTrackingNo } from '@domain/couriers'
import type { TrackingEvent, TrackingState } from '@domain/tracking'
import type { ParcelHint, TrackingAnswer, TrackingProvider } from './tracking-provider'

const HOUR = 3600_000
const MINUTE = 60_000
/** Where every Guizhou parcel is sorted. */
const PROVINCIAL_HUB = '贵阳转运中心'
/** The hub near a buyer outside Guizhou. */
const REGIONAL_HUBS: Record<string, string> = {
  北京市: '北京转运中心',
  天津市: '天津转运中心',
  上海市: '上海转运中心',
  重庆市: '重庆转运中心',
  广东省: '广州转运中心',
  广西壮族自治区: '南宁转运中心',
  湖南省: '长沙转运中心',
  湖北省: '武汉转运中心',
  四川省: '成都转运中心',
  云南省: '昆明转运中心',
  江苏省: '南京转运中心',
  浙江省: '杭州转运中心',
  福建省: '厦门转运中心',
  山东省: '济南转运中心',
  河南省: '郑州转运中心',
  陕西省: '西安转运中心',
}
const FALLBACK_HUBS = ['长沙转运中心', '武汉转运中心', '郑州转运中心']
const COURIER_MEN = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅', '杨师傅']

/** Whether the sandbox courier has this parcel in its books (see the header for the rule). */
export function sandboxKnows(carrier: string, trackingNo: string): boolean {
  return isCourierCode(carrier) && isTrackingNo(trackingNo) && !trackingNo.endsWith('0000')
}

/** FNV-1a: the same number always picks the same hub, courier man and delays. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  return h
}

interface Scan {
  afterMs: number
  state: TrackingState
  text: string
}

/** Every scan the parcel will get, with its time after the first (揽收). */
export function sandboxScans(carrier: string, trackingNo: string, hint: ParcelHint = {}): Scan[] {
  const h = hash(`${carrier}:${trackingNo}`)
  const courier = COURIERS.find((c) => c.code === carrier)
  const from = hint.from || '毕节市'
  const city = hint.city || hint.province || '目的地'
  const station = `${city}${hint.district ?? ''}营业部`
  const outside = hint.province !== undefined && hint.province !== '' && hint.province !== '贵州省'
  const hubs = outside ? [PROVINCIAL_HUB, REGIONAL_HUBS[hint.province!] ?? FALLBACK_HUBS[h % FALLBACK_HUBS.length]] : [PROVINCIAL_HUB]
  const delay = (h % 40) * MINUTE
  const collector = COURIER_MEN[h % COURIER_MEN.length]
  const deliverer = COURIER_MEN[(h >>> 8) % COURIER_MEN.length]
  const phoneTail = String(1000 + ((h >>> 12) % 9000))

  const scans: Scan[] = [{ afterMs: 0, state: 'collected', text: `【${from}】${courier?.short ?? carrier}快递员${collector}已揽收` }]
  const at = (hours: number) => hours * HOUR + delay
  let place = from
  let hours = 3
  for (const hub of hubs) {
    scans.push({ afterMs: at(hours), state: 'in_transit', text: `快件已从【${place}】发出，下一站【${hub}】` })
    hours += hub === PROVINCIAL_HUB ? 5 : 18
    scans.push({ afterMs: at(hours), state: 'in_transit', text: `快件已到达【${hub}】` })
    hours += 4
    place = hub
  }
  scans.push({ afterMs: at(hours), state: 'in_transit', text: `快件已从【${place}】发出，下一站【${city}】` })
  hours += hubs.length === 1 ? 8 : 10
  scans.push({ afterMs: at(hours), state: 'in_transit', text: `快件已到达【${station}】` })
  hours += 4
  scans.push({ afterMs: at(hours), state: 'delivering', text: `【${station}】快递员${deliverer}（电话 138****${phoneTail}）正在为您派送` })
  hours += 4
  scans.push({ afterMs: at(hours), state: 'signed', text: `已签收，签收人：本人。感谢使用${courier?.name ?? carrier}，期待再次为您服务` })
  return scans
}

export interface SandboxCourierOptions {
  now: () => Date
  /** When this parcel was first asked about (the first scan of the answer given then), or null: never. */
  firstSeen: (carrier: string, trackingNo: string) => Promise<Date | null>
}

export class SandboxCourier implements TrackingProvider {
  /** Every track() call received (tests count them to see the cache at work). */
  calls = 0
  private failures = 0

  constructor(private readonly opts: SandboxCourierOptions) {}

  /** Test switch: the next `times` calls fail as a courier that does not answer. */
  failNext(times = 1): void {
    this.failures += times
  }

  async track(carrier: string, trackingNo: string, hint?: ParcelHint): Promise<TrackingAnswer> {
    this.calls += 1
    if (this.failures > 0) {
      this.failures -= 1
      throw new Error('sandbox courier: not answering (failNext)')
    }
    if (!sandboxKnows(carrier, trackingNo)) return { state: 'unknown', events: [] }
    const now = this.opts.now()
    const start = (await this.opts.firstSeen(carrier, trackingNo)) ?? now
    const events: TrackingEvent[] = sandboxScans(carrier, trackingNo, hint)
      .map((s) => ({ at: new Date(start.getTime() + s.afterMs), state: s.state, text: s.text }))
      .filter((e) => e.at.getTime() <= now.getTime())
      .map((e) => ({ ...e, at: e.at.toISOString() }))
    return { state: events.at(-1)?.state ?? 'unknown', events }
  }
}
