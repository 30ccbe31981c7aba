/** A farmer's page: who they are, where, their cooperative, their story and produce. */
import { Image, Text, View } from '@tarojs/components'
import type { FarmerProfileDto } from '@contracts/catalog'
import { SectionTitle } from '../../components/section-title'
import { mediaUrl } from '../../lib/media'
import { ProductGrid } from './product-feed'
import './farmer-profile.scss'

export function FarmerProfile({ farmer: f }: { farmer: FarmerProfileDto }) {
  return (
    <View className="farmer-profile">
      <View className="farmer-profile__head">
        {f.photo ? (
          <Image className="farmer-profile__photo" src={mediaUrl(f.photo.thumbUrl)} mode="aspectFill" />
        ) : (
          <View className="farmer-profile__photo farmer-profile__photo--none">
            <Text>{f.name.slice(0, 1)}</Text>
          </View>
        )}
        <View className="farmer-profile__who">
          <Text className="farmer-profile__name">{f.name}</Text>
          <Text className="farmer-profile__meta">{f.village}</Text>
          <Text className="farmer-profile__meta">
            {f.cooperative.name}（{f.cooperative.province}
            {f.cooperative.county}）
          </Text>
        </View>
      </View>
      {f.story ? (
        <View className="farmer-profile__story">
          <Text className="farmer-profile__story-title">农户故事</Text>
          <Text className="farmer-profile__story-text">{f.story}</Text>
        </View>
      ) : null}
      <SectionTitle title="在售农产品" note={f.products.length ? `${f.products.length} 款` : undefined} />
      <ProductGrid items={f.products} />
    </View>
  )
}
