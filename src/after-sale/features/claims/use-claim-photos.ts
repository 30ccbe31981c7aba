/**
 * A claim's photos through the listings' upload pipeline (lib/photos): each picked photo uploads
 * at once with its own Upload-Id; a failed one is retried on a tap with the same id (or dropped).
 */
import { useState } from 'react'
import { CLAIM_MAX_PHOTOS } from '@domain/claim-states'
import { userMessage } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { choosePhotos, newUploadId, uploadPhoto } from '../../../lib/photos'

export interface UploadedPhoto {
  key: string
  thumbUrl: string
}

export interface PendingPhoto {
  uploadId: string
  path: string
  failed: boolean
}

export function useClaimPhotos() {
  const [photos, setPhotos] = useState<UploadedPhoto[]>([])
  const [pending, setPending] = useState<PendingPhoto[]>([])
  const room = CLAIM_MAX_PHOTOS - photos.length - pending.length

  const send = async (item: PendingPhoto) => {
    setPending((list) => list.map((p) => (p.uploadId === item.uploadId ? { ...p, failed: false } : p)))
    try {
      const result = await uploadPhoto(item.path, item.uploadId)
      setPhotos((list) => (list.length < CLAIM_MAX_PHOTOS && !list.some((p) => p.key === result.key) ? [...list, { key: result.key, thumbUrl: result.thumbUrl }] : list))
      setPending((list) => list.filter((p) => p.uploadId !== item.uploadId))
    } catch (err) {
      showToast(userMessage(err))
      setPending((list) => list.map((p) => (p.uploadId === item.uploadId ? { ...p, failed: true } : p)))
    }
  }

  const pick = async () => {
    if (room <= 0) return showToast(`最多${CLAIM_MAX_PHOTOS}张照片`)
    try {
      const paths = (await choosePhotos(room)).slice(0, room)
      const items = paths.map((path) => ({ uploadId: newUploadId(), path, failed: false }))
      setPending((list) => [...list, ...items])
      items.forEach((item) => void send(item))
    } catch (err) {
      showToast(userMessage(err))
    }
  }

  /** A failed upload: try again with the same Upload-Id, or let it go. */
  const retry = async (item: PendingPhoto) => {
    if (!item.failed) return
    const again = await confirmModal({ title: '照片上传失败', content: '重新上传这张照片？', confirmText: '重新上传', cancelText: '删除' })
    if (again) void send(item)
    else setPending((list) => list.filter((p) => p.uploadId !== item.uploadId))
  }
  const remove = (key: string) => setPhotos((list) => list.filter((p) => p.key !== key))

  return { photos, pending, room, uploading: pending.some((p) => !p.failed), pick, retry, remove }
}

export type ClaimPhotos = ReturnType<typeof useClaimPhotos>
