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
