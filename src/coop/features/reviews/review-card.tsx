/**
 * One listing held for review: its photos, the texts the content check read (title,
 * description, spec names), why it waits, the farmer, and the manager's 通过 / 不通过.
 * 不通过 first opens a reason field on the card; the farmer reads the reason.
 */
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ReviewItemDto } from '@contracts/farmer-listings'
import { LIMITS } from '@domain/limits'
import { formatNetWeight } from '@domain/units'
import { mediaUrl } from '../../../lib/media'
import { formatFen } from '../../shared/format'
import './reviews.scss'

export interface ReviewActions {
  busy: boolean
  onApprove: (item: ReviewItemDto) => void
  /** `note` is '' when the manager gave no reason. */
  onReject: (item: ReviewItemDto, note: string) => void
}

const button = (kind: 'primary' | 'ghost', off: boolean) => `c-button c-button--small${kind === 'ghost' ? ' c-button--ghost' : ''}${off ? ' c-button--off' : ''}`

export function ReviewCard({ item, actions }: { item: ReviewItemDto; actions: ReviewActions }) {
  const [rejecting, setRejecting] = useState(false)
  const [note, setNote] = useState('')
  const { busy } = actions
  return (
    <View id={`review-${item.id}`} className="c-card">
      <View className="c-card__title">
        <Text className="c-review__title">{item.title}</Text>
        <Text className="c-tag c-tag--draft">待审核</Text>
      </View>
      <Text className="c-muted">
        {item.farmer.name} · {item.farmer.village} · 产地 {item.origin}
      </Text>
      {item.reviewNote ? <Text className="c-review__note">{item.reviewNote}</Text> : null}
      {item.photos.length > 0 ? (
        <View className="c-review__photos">
          {item.photos.map((p) => (
            <Image key={p.key} className="c-review__photo" src={mediaUrl(p.thumbUrl)} mode="aspectFill" lazyLoad />
          ))}
        </View>
      ) : null}
      {item.description ? <Text className="c-review__text">{item.description}</Text> : null}
      {item.specs.map((s) => (
        <View key={s.id} className="c-row">
          <Text className="c-row__label">
            {s.name}（{formatNetWeight(s.netWeightG)}）
          </Text>
          <Text>
            {formatFen(s.priceFen)} · 库存 {s.stock}
          </Text>
        </View>
      ))}
      <Text className="c-muted">
        采摘 {item.harvestStart} 至 {item.harvestEnd}
        {item.shipsFrom ? ` · 预售，${item.shipsFrom} 起发货` : ''}
      </Text>
      {rejecting ? (
        <View className="c-actions c-actions--form">
          <Input
            id={`reject-note-${item.id}`}
            className="c-input"
            placeholder="不通过的原因（选填，农户会看到）"
            maxlength={LIMITS.reviewNoteMax}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      ) : null}
      {rejecting ? (
        <View className="c-actions">
          <Button id={`reject-cancel-${item.id}`} className={button('ghost', busy)} disabled={busy} onClick={() => setRejecting(false)}>
            取消
          </Button>
          <Button id={`reject-confirm-${item.id}`} className={button('primary', busy)} disabled={busy} onClick={() => actions.onReject(item, note.trim())}>
            确认不通过
          </Button>
        </View>
      ) : (
        <View className="c-actions">
          <Button id={`reject-${item.id}`} className={button('ghost', busy)} disabled={busy} onClick={() => setRejecting(true)}>
            不通过
          </Button>
          <Button id={`approve-${item.id}`} className={button('primary', busy)} disabled={busy} onClick={() => actions.onApprove(item)}>
            通过并上架
          </Button>
        </View>
      )}
    </View>
  )
}
