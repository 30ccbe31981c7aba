/** The media module: the public URLs of stored photos (display and thumbnail). Writes no table. */
export { MEDIA_PREFIX, optionalPhoto, photoUrls } from './photo-urls'
