/**
 * Couriers a farmer can ship with, by the `express_company` code WeChat's order-shipping API
 * takes (wechat-protocols.md §6.1: "carrier code from get_delivery_list", e.g. SF, ZTO, YTO,
 * STO). 韵达 is `YD` there (the get_delivery_list example answers `{"delivery_id":"YD",
 * "delivery_name":"韵达速递"}`), not the logistics-assistant id `YUNDA`; 京东 `JD`, 极兔 `JTSD`,
 * 德邦 `DBL` and `EMS` belong to the same code list.
 */
export interface Courier {
  code: string
  /** Full name, as on the parcel label. */
  name: string
  /** Short name for a big button. */
  short: string
}

export const COURIERS = [
  { code: 'SF', name: '顺丰速运', short: '顺丰' },
  { code: 'ZTO', name: '中通快递', short: '中通' },
  { code: 'YTO', name: '圆通速递', short: '圆通' },
  { code: 'STO', name: '申通快递', short: '申通' },
  { code: 'YD', name: '韵达速递', short: '韵达' },
  { code: 'EMS', name: '中国邮政EMS', short: '邮政EMS' },
  { code: 'JD', name: '京东快递', short: '京东' },
  { code: 'JTSD', name: '极兔速递', short: '极兔' },
  { code: 'DBL', name: '德邦快递', short: '德邦' },
] as const satisfies readonly Courier[]

export type CourierCode = (typeof COURIERS)[number]['code']

export const COURIER_CODES = COURIERS.map((c) => c.code) as readonly CourierCode[]

/** SF Express needs a (masked) contact phone with the shipping info (§6.1). */
export const CONTACT_REQUIRED: readonly string[] = ['SF']

/** A tracking number as couriers print them: 6–32 letters, digits or dashes. */
export const TRACKING_NO_PATTERN = '^[A-Za-z0-9-]{6,32}$'
const TRACKING_NO = new RegExp(TRACKING_NO_PATTERN)

export function isCourierCode(value: unknown): value is CourierCode {
  return typeof value === 'string' && (COURIER_CODES as readonly string[]).includes(value)
}

/** "SF" → "顺丰速运"; an unknown code is shown as it is. */
export function courierName(code: string | null | undefined): string {
  if (!code) return ''
  return COURIERS.find((c) => c.code === code)?.name ?? code
}

/** What a scanner or a typing thumb produced → the tracking number to send (spaces dropped, upper case). */
export function normalizeTrackingNo(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function isTrackingNo(value: string): boolean {
  return TRACKING_NO.test(value)
}
