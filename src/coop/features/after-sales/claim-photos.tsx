/** A claim's photos: thumbnails; a tap opens them full size. */
import { Image, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import { mediaUrl } from '../../../lib/media'
import { previewImages } from '../../../lib/preview-image'

export function ClaimPhotos({ claim }: { claim: Pick<ClaimDto, 'id' | 'photos'> }) {
  if (claim.photos.length === 0) return null
  const urls = claim.photos.map((p) => mediaUrl(p.url))
  return (
    <View className="c-as__photos">
      {claim.photos.map((p, i) => (
        <Image
          key={p.key}
          id={`claim-photo-${claim.id}-${i}`}
          className="c-as__photo"
          src={mediaUrl(p.thumbUrl)}
          mode="aspectFill"
          lazyLoad
          onClick={() => previewImages(urls, urls[i])}
        />
      ))}
    </View>
  )
}
