/**
 * Checks an upload and re-encodes it with sharp: turned upright by its EXIF orientation, then
 * written as plain JPEG with NO metadata (sharp drops EXIF, GPS, XMP and IPTC unless asked to
 * keep them), in a 750-px display size and a 360-px thumbnail.
 */
import sharp from 'sharp'
import { AppError } from '../../http/errors'
import { hasTrailingData, imageEnd, sniffImageType, type ImageType } from './image-format'

const DISPLAY_WIDTH = 750
const THUMB_WIDTH = 360
/** A decompression bomb (a small file of huge dimensions) stops here: 40 megapixels. */
const MAX_INPUT_PIXELS = 40_000_000

export interface ProcessedImage {
  sourceType: ImageType
  display: { bytes: Buffer; width: number; height: number }
  thumb: { bytes: Buffer; width: number; height: number }
}

const unsupported = () => new AppError('UNSUPPORTED_IMAGE_TYPE', 'Only JPEG, PNG or WebP photos can be uploaded')
const invalid = (why: string) => new AppError('INVALID_IMAGE', `The file is not a valid image: ${why}`)

/** Checks the bytes are exactly one image of an accepted type; returns that type. */
function checkImageBytes(bytes: Buffer): ImageType {
  const type = sniffImageType(bytes)
  if (!type) throw unsupported()
  const end = imageEnd(bytes, type)
  if (end === null) throw invalid('broken or truncated structure')
  if (hasTrailingData(bytes, end)) throw invalid('extra content after the image')
  return type
}

async function render(bytes: Buffer, width: number) {
  const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
  return { bytes: data, width: info.width, height: info.height }
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  const sourceType = checkImageBytes(bytes)
  let format: string | undefined
  try {
    format = (await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format
  } catch {
    throw invalid('it cannot be decoded')
  }
  if (format !== sourceType) throw invalid(`it looks like ${sourceType} but decodes as ${format ?? 'nothing'}`)
  try {
    const [display, thumb] = await Promise.all([render(bytes, DISPLAY_WIDTH), render(bytes, THUMB_WIDTH)])
    return { sourceType, display, thumb }
  } catch (err) {
    throw invalid((err as Error).message.split('\n')[0].slice(0, 120))
  }
}
