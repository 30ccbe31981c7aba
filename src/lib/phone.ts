/** Calling a number: WeChat's dialer on weapp, a `tel:` link in the browser (Taro's H5 makePhoneCall). */
import Taro from '@tarojs/taro'

export function dialPhone(phone: string): void {
  const digits = phone.replace(/[^0-9+]/g, '')
  if (!digits) return
  // the user backing out of the dialer is not an error
  Taro.makePhoneCall({ phoneNumber: digits }).catch(() => undefined)
}
