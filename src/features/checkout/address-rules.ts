/** The address form's checks, matching the server's limits (contracts/orders.ts AddressInput). */
import type { AddressDto, AddressInputDto } from '@contracts/orders'

export type AddressDraft = Pick<AddressInputDto, 'name' | 'phone' | 'province' | 'city' | 'district' | 'detail'>

export const EMPTY_DRAFT: AddressDraft = { name: '', phone: '', province: '', city: '', district: '', detail: '' }

export const ADDRESS_LIMITS = { name: 20, phone: 20, province: 20, city: 20, district: 20, detail: 120 } as const

/** The trimmed input, or the first thing to fix, in Chinese. */
export function checkAddress(draft: AddressDraft): { ok: true; input: AddressInputDto } | { ok: false; message: string } {
  const t = {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    province: draft.province.trim(),
    city: draft.city.trim(),
    district: draft.district.trim(),
    detail: draft.detail.trim(),
  }
  if (!t.name) return { ok: false, message: '请填写收货人' }
  if (!/^[0-9+\- ]{5,20}$/.test(t.phone)) return { ok: false, message: '请填写正确的手机号' }
  if (!t.province) return { ok: false, message: '请填写省份' }
  if (!t.city) return { ok: false, message: '请填写城市' }
  if (!t.district) return { ok: false, message: '请填写区县' }
  if (!t.detail) return { ok: false, message: '请填写详细地址' }
  return { ok: true, input: t }
}

/** "贵州省 贵阳市 云岩区 中华北路 1 号" */
export function addressLine(a: Pick<AddressDto, 'province' | 'city' | 'district' | 'detail'>): string {
  const city = a.city === a.province ? '' : ` ${a.city}`
  return `${a.province}${city} ${a.district} ${a.detail}`
}
