/**
 * What an upload really is, from its bytes: the type by magic number, and where the image's
 * own structure ends. Bytes after that end (a ZIP, a script, an HTML page) make a polyglot,
 * which we refuse, whatever the image decoder thinks of the front part.
 */
export type ImageType = 'jpeg' | 'png' | 'webp'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return null
}

/** Offset just past a JPEG's EOI marker, walking its segments and entropy-coded scans; null if malformed. */
function jpegEnd(b: Buffer): number | null {
  let i = 2
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    if (marker === 0xd9) return i + 2 // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2 // standalone markers
      continue
    }
    if (i + 3 >= b.length) return null
    const length = b.readUInt16BE(i + 2)
    if (length < 2) return null
    i += 2 + length
    if (marker !== 0xda) continue
    // Entropy-coded data after SOS: runs until a marker that is not a stuffed 0x00 or a restart.
    while (i + 1 < b.length) {
      if (b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7) && b[i + 1] !== 0xff) break
      i++
    }
  }
  return null
}

/** Offset just past a PNG's IEND chunk; null if malformed. */
function pngEnd(b: Buffer): number | null {
  let i = 8
  while (i + 8 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    const next = i + 12 + length
    if (next > b.length) return null
    if (type === 'IEND') return next
    i = next
  }
  return null
}

/** RIFF's own size field says where a WebP ends (padded to an even length). */
function webpEnd(b: Buffer): number | null {
  const size = b.readUInt32LE(4)
  const end = 8 + size + (size % 2)
  return size >= 4 && end <= b.length ? end : null
}

/**
 * Offset where the image's structure ends; null if the structure is broken or truncated.
 */
export function imageEnd(bytes: Buffer, type: ImageType): number | null {
  switch (type) {
    case 'jpeg':
      return jpegEnd(bytes)
    case 'png':
      return pngEnd(bytes)
    case 'webp':
      return webpEnd(bytes)
  }
}

/** True when nothing but zero padding follows the image's end. */
export function hasTrailingData(bytes: Buffer, end: number): boolean {
  for (let i = end; i < bytes.length; i++) if (bytes[i] !== 0x00) return true
  return false
}
