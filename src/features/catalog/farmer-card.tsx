/** Who grew it: photo, name, village; taps open the farmer's page. */
import { Image, Text, View } from '@tarojs/components'
import type { PhotoDto } from '@contracts/catalog'
import { mediaUrl } from '../../lib/media'
import { openPage, routes } from '../../lib/navigation'
import './farmer-card.scss'

interface Props {
  farmer: { id: number; name: string; village: string; photo: PhotoDto | null; story?: string }
  cooperativeName?: string
}

export function FarmerCard({ farmer, cooperativeName }: Props) {
  return (
    <View id={`farmer-card-${farmer.id}`} className="farmer-card" onClick={() => openPage(routes.farmer(farmer.id))}>
      {farmer.photo ? (
        <Image className="farmer-card__photo" src={mediaUrl(farmer.photo.thumbUrl)} mode="aspectFill" lazyLoad />
      ) : (
        <View className="farmer-card__photo farmer-card__photo--none">
          <Text>{farmer.name.slice(0, 1)}</Text>
        </View>
      )}
      <View className="farmer-card__body">
        <Text className="farmer-card__name">{farmer.name}</Text>
        <Text className="farmer-card__meta">
          {farmer.village}
          {cooperativeName ? ` · ${cooperativeName}` : ''}
        </Text>
        {farmer.story ? <Text className="farmer-card__story">{farmer.story}</Text> : null}
      </View>
      <Text className="farmer-card__more">农户主页 ›</Text>
    </View>
  )
}
