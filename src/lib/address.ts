/** weapp: the buyer's WeChat address book (`Taro.chooseAddress`), as our address input. */
import Taro from '@tarojs/taro'
import type { AddressInputDto } from '@contracts/orders'
import { clientError } from './api-error'

const clip = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '')

/** The address the buyer picked, or null when they closed the picker. */
export async function chooseWechatAddress(): Promise<AddressInputDto | null> {
  let res: Taro.chooseAddress.SuccessCallbackResult
  try {
    res = await Taro.chooseAddress()
  } catch (err) {
    const msg = String((err as { errMsg?: unknown } | null)?.errMsg ?? '')
    if (/cancel/i.test(msg)) return null
    if (/auth|deny|denied|privacy/i.test(msg)) {
      throw clientError('ADDRESS_AUTH_DENIED', msg)
    }
    throw clientError('ADDRESS_PICK_FAILED', msg)
  }
  const detail = clip(res.detailInfo, 120) || clip(res.detailInfoNew, 120)
  const street = clip(res.streetName, 40)
  const input: AddressInputDto = {
    name: clip(res.userName, 20),
    phone: clip(res.telNumber, 20),
    province: clip(res.provinceName, 20),
    city: clip(res.cityName, 20),
    district: clip(res.countyName, 20),
    // The fourth level (street) is separate in newer WeChat versions; keep it in the detail.
    detail: clip(street && !detail.startsWith(street) ? `${street}${detail}` : detail, 120),
  }
  if (/^[0-9]{6}$/.test(res.postalCode ?? '')) input.postalCode = res.postalCode
  return input
}
