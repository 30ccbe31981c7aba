/**
 * Photo keys (e.g. `demo/weining-fuji-1`) → the URLs the API serves them at:
 * a display size and a thumbnail, relative to the API origin.
 */
import type { PhotoDto } from '@contracts/catalog'

export const MEDIA_PREFIX = '/media/'

export function photoUrls(key: string): PhotoDto {
  return { url: `${MEDIA_PREFIX}${key}.jpg`, thumbUrl: `${MEDIA_PREFIX}${key}.thumb.jpg` }
}

export function optionalPhoto(key: string | null | undefined): PhotoDto | null {
  return key ? photoUrls(key) : null
}
