/** Step 1: photos. Each picked photo uploads at once (with its own Upload-Id, retried on a tap). */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { LIMITS } from '@domain/limits'
import { mediaUrl } from '../../../lib/media'
import { showToast } from '../../../lib/page'
import { choosePhotos, newUploadId, uploadPhoto } from '../../../lib/photos'
import type { DraftPhoto } from './draft'
import { listingErrorMessage } from './labels'

interface Pending {
  uploadId: string
  path: string
  failed: boolean
}

interface Props {
  photos: DraftPhoto[]
  onAdd: (photo: DraftPhoto) => void
  onRemove: (key: string) => void
}

export function PhotoStep({ photos, onAdd, onRemove }: Props) {
  const [pending, setPending] = useState<Pending[]>([])
  const room = LIMITS.photosMax - photos.length - pending.length

  const send = async (item: Pending) => {
    setPending((list) => list.map((p) => (p.uploadId === item.uploadId ? { ...p, failed: false } : p)))
    try {
      const result = await uploadPhoto(item.path, item.uploadId)
      onAdd({ key: result.key, thumbUrl: result.thumbUrl })
      setPending((list) => list.filter((p) => p.uploadId !== item.uploadId))
    } catch (err) {
      showToast(listingErrorMessage(err))
      setPending((list) => list.map((p) => (p.uploadId === item.uploadId ? { ...p, failed: true } : p)))
    }
  }

  const pick = async () => {
    if (room <= 0) return showToast(`最多${LIMITS.photosMax}张照片`)
    try {
      const paths = await choosePhotos(room)
      const items = paths.map((path) => ({ uploadId: newUploadId(), path, failed: false }))
      setPending((list) => [...list, ...items])
      items.forEach((item) => void send(item))
    } catch (err) {
      showToast(listingErrorMessage(err))
    }
  }

  return (
    <View className="lf__card">
      <Text className="lf__title">拍几张好看的照片</Text>
      <Text className="lf__hint">第一张是封面。点照片可以删掉。</Text>
      <View className="lf__photos">
        {photos.map((p, i) => (
          <View key={p.key} id={`photo-${i}`} className="lf__photo" onClick={() => onRemove(p.key)}>
            <Image className="lf__photo-img" src={mediaUrl(p.thumbUrl)} mode="aspectFill" />
            <Text className="lf__photo-tag">{i === 0 ? '封面 · 点击删除' : '点击删除'}</Text>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.uploadId} className="lf__photo" onClick={() => (p.failed ? void send(p) : undefined)}>
            <Image className="lf__photo-img" src={p.path} mode="aspectFill" />
            <Text className="lf__photo-tag">{p.failed ? '上传失败，点击重试' : '上传中…'}</Text>
          </View>
        ))}
        {room > 0 ? (
          <View id="listing-add-photo" className="lf__photo-add" onClick={pick}>
            <Text>+ 添加照片</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
