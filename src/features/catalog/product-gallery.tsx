/** The product's photos, full width, one at a time. */
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import type { PhotoDto } from '@contracts/catalog'
import { mediaUrl } from '../../lib/media'
import './product-gallery.scss'

export function ProductGallery({ photos, title }: { photos: PhotoDto[]; title: string }) {
  if (photos.length === 0) {
    return (
      <View className="product-gallery product-gallery--none">
        <Text>暂无图片</Text>
      </View>
    )
  }
  return (
    <Swiper
      className="product-gallery"
      indicatorDots={photos.length > 1}
      indicatorColor="rgba(255,255,255,0.5)"
      indicatorActiveColor="#ffffff"
      circular={photos.length > 1}
    >
      {photos.map((photo, i) => (
        <SwiperItem key={photo.url}>
          <Image
            className="product-gallery__photo"
            src={mediaUrl(photo.url)}
            mode="aspectFill"
            lazyLoad={i > 0}
            ariaLabel={`${title} 图${i + 1}`}
          />
        </SwiperItem>
      ))}
    </Swiper>
  )
}
