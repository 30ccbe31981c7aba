import Taro from '@tarojs/taro'
import { API_BASE } from './env'

/**
 * Image paths from the API are relative to its origin (`/media/demo/x.jpg`).
 * On H5 they stay relative (same origin); on weapp they get the API origin in front.
 */
export function mediaUrl(path: string | null | undefined): string {
  if (!path) return ''
  if (/^(https?:)?\/\//.test(path) || path.startsWith('data:')) return path
  return `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`
}

/**
 * False when the server no longer has the photo at `path` (404: an upload nothing used is
 * deleted a day later); true when it does, and when the phone cannot tell (offline, timeout),
 * so a weak signal never costs a farmer a photo.
 */
export async function mediaStillThere(path: string): Promise<boolean> {
  try {
    const res = await Taro.request({ url: mediaUrl(path), method: 'HEAD', timeout: 10_000 })
    return res.statusCode !== 404
  } catch {
    return true
  }
}
