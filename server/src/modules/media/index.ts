/**
 * The media module: how a photo key names its stored files (display size and thumbnail) and the
 * public URLs they are served at. Writes no table; the files themselves are stored and served by
 * the uploads module (its MediaStore).
 */
export { MEDIA_PREFIX, optionalPhoto, photoFiles, photoUrls } from './photo-urls'
