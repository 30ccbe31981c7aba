/**
 * Photo keys (e.g. `demo/weining-fuji-1`) → the stored files of a photo (a display size and a
 * thumbnail) and the URLs the API serves them at, relative to the API origin.
 */
import type { PhotoDto } from '@contracts/catalog'

export const MEDIA_PREFIX = '/media/'

/** The two stored files of a photo key: its display size and its thumbnail. */
export function photoFiles(key: string): { display: string; thumb: string } {
  return { display: `${key}.jpg`, thumb: `${key}.thumb.jpg` }
}

export function photoUrls(key: string): PhotoDto {
  const files = photoFiles(key)
  return { url: `${MEDIA_PREFIX}${files.display}`, thumbUrl: `${MEDIA_PREFIX}${files.thumb}` }
}

export function optionalPhoto(key: string | null | undefined): PhotoDto | null {
  return key ? photoUrls(key) : null
}
