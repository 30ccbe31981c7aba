/**
 * Stored photos as a row of thumbnails; a tap opens them full size from the one tapped (swipe
 * between them). Each screen styles the row with its own classes.
 */
import { Image, View } from '@tarojs/components'
import { mediaUrl } from '../lib/media'
import { previewImages } from '../lib/preview-image'

export interface StripPhoto {
  key: string
  url: string
  thumbUrl: string
}

interface Props {
  photos: readonly StripPhoto[]
  className: string
  photoClassName: string
  /** Each thumbnail (or its tile) gets the id `${idPrefix}-${index}`. */
  idPrefix?: string
  /** Puts each thumbnail in a View of this class, which then takes the id and the tap. */
  tileClassName?: string
  lazyLoad?: boolean
}

export function PhotoStrip({ photos, className, photoClassName, idPrefix, tileClassName, lazyLoad }: Props) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => mediaUrl(p.url))
  return (
    <View className={className}>
      {photos.map((p, i) => {
        const id = idPrefix === undefined ? undefined : `${idPrefix}-${i}`
        const open = () => previewImages(urls, urls[i])
        if (tileClassName === undefined) {
          return <Image key={p.key} id={id} className={photoClassName} src={mediaUrl(p.thumbUrl)} mode="aspectFill" lazyLoad={lazyLoad} onClick={open} />
        }
        return (
          <View key={p.key} id={id} className={tileClassName} onClick={open}>
            <Image className={photoClassName} src={mediaUrl(p.thumbUrl)} mode="aspectFill" lazyLoad={lazyLoad} />
          </View>
        )
      })}
    </View>
  )
}
