/** Scanning a barcode with the camera (a parcel's tracking number). */
import Taro from '@tarojs/taro'

export type ScanResult = { ok: true; text: string } | { ok: false; cancelled: boolean }

/** Opens the camera scanner (barcodes and QR codes); `cancelled` when the user backed out. */
export async function scanCode(): Promise<ScanResult> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['barCode', 'qrCode'] })
    const text = (res.result ?? '').trim()
    return text ? { ok: true, text } : { ok: false, cancelled: false }
  } catch (err) {
    const message = (err as { errMsg?: string } | null)?.errMsg ?? ''
    return { ok: false, cancelled: /cancel/i.test(message) }
  }
}

/** The scanner exists on WeChat; a browser (the H5 build) has none. */
export const canScan = process.env.TARO_ENV === 'weapp'
