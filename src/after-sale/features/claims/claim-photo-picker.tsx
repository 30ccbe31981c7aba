/** The claim's photos: uploaded ones (tap to remove), uploading or failed ones (tap to retry), and 添加照片. */
import { Image, Text, View } from '@tarojs/components'
import { CLAIM_MAX_PHOTOS } from '@domain/claim-states'
import { mediaUrl } from '../../../lib/media'
import type { ClaimPhotos } from './use-claim-photos'

export function ClaimPhotoPicker({ photos }: { photos: ClaimPhotos }) {
  return (
    <View className="claim-card">
      <Text className="claim-card__heading">照片（最多{CLAIM_MAX_PHOTOS}张）</Text>
      <Text className="claim-card__hint">拍下坏果、破损或称重的样子，处理更快。点照片可以删掉。</Text>
      <View className="claim-photos">
        {photos.photos.map((p, i) => (
          <View key={p.key} id={`claim-photo-${i}`} className="claim-photo" onClick={() => photos.remove(p.key)}>
            <Image className="claim-photo__img" src={mediaUrl(p.thumbUrl)} mode="aspectFill" />
            <Text className="claim-photo__tag">点击删除</Text>
          </View>
        ))}
        {photos.pending.map((p) => (
          <View key={p.uploadId} className="claim-photo" onClick={() => void photos.retry(p)}>
            <Image className="claim-photo__img" src={p.path} mode="aspectFill" />
            <Text className="claim-photo__tag">{p.failed ? '失败，点击重试' : '上传中…'}</Text>
          </View>
        ))}
        {photos.room > 0 ? (
          <View id="claim-add-photo" className="claim-photo claim-photo--add" onClick={() => void photos.pick()}>
            <Text>+ 添加照片</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
