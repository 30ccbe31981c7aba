/**
 * 售后进度: the status and what happens next (the farmer's deadline), the figures (建议 / 农户提出 /
 * 最终), the refund when there is one, the lines (affected of ordered, in each line's measure:
 * "受影响 1斤 / 共 10斤", "1箱 / 共 2箱"), photos, notes, and the buyer's buttons.
 */
import { Button, Text, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import { CLAIM_REASON_LABELS, CLAIM_STATUS_LABELS } from '@domain/claim-states'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { REFUND_STATUS_LABELS } from '@domain/payment-states'
import { PhotoStrip } from '../../../components/photo-strip'
import { openPage, routes } from '../../../lib/navigation'
import { formatMeasure } from './claim-lines'
import { buyerSteps, claimFigures, deadlineText, statusHint, type BuyerStep } from './labels'
import './claims.scss'

interface Props {
  claim: ClaimDto
  busy: BuyerStep['action'] | null
  onStep: (step: BuyerStep) => void
}

function Note({ id, label, text }: { id: string; label: string; text: string | null }) {
  if (!text) return null
  return (
    <View id={id} className="claim-detail__note">
      <Text className="claim-detail__note-label">{label}</Text>
      <Text>{text}</Text>
    </View>
  )
}

export function ClaimDetailView({ claim: c, busy, onStep }: Props) {
  const deadline = deadlineText(c)
  const steps = buyerSteps(c)
  return (
    <View className="claim-page">
      <View className="claim-status">
        <Text id="claim-status" className="claim-status__label">
          {CLAIM_STATUS_LABELS[c.status]}
        </Text>
        <Text className="claim-status__hint">{statusHint(c)}</Text>
        {deadline ? (
          <Text id="claim-deadline" className="claim-status__hint">
            {deadline}
          </Text>
        ) : null}
      </View>

      <View className="claim-card" id="claim-figures">
        {claimFigures(c).map((f) => (
          <View key={f.id} id={`claim-figure-${f.id}`} className="claim-total">
            <Text>{f.label}</Text>
            <Text className="claim-total__fen">{formatFen(f.fen)}</Text>
          </View>
        ))}
        {c.refund ? (
          <View id="claim-refund" className="claim-total">
            <Text>{REFUND_STATUS_LABELS[c.refund.status]}</Text>
            <Text className="claim-total__fen">{formatFen(c.refund.amountFen)}</Text>
          </View>
        ) : null}
        <Text className="claim-card__hint">这单实付 {formatFen(c.paidFen)}，还可退 {formatFen(c.refundableFen)}</Text>
      </View>

      <View className="claim-card">
        <Text className="claim-card__heading">{CLAIM_REASON_LABELS[c.reason]}</Text>
        {c.lines.map((l) => (
          <View key={l.orderItemId} className="claim-line">
            <Text className="claim-line__title">
              {l.title} · {l.specName}
            </Text>
            <Text className="claim-line__meta">
              受影响 {formatMeasure(l, l.affected)} / 共 {formatMeasure(l, l.ordered)} · 建议退 {formatFen(l.suggestedFen)}
            </Text>
          </View>
        ))}
        <Note id="claim-note" label="我的说明" text={c.note} />
        <Note id="claim-farmer-note" label={`农户 ${c.farmer.name} 的回复`} text={c.farmerNote} />
        <Note id="claim-manager-note" label="合作社的处理意见" text={c.managerNote} />
      </View>

      {c.photos.length > 0 ? (
        <View className="claim-card">
          <Text className="claim-card__heading">照片</Text>
          <PhotoStrip photos={c.photos} className="claim-photos" tileClassName="claim-photo" photoClassName="claim-photo__img" />
        </View>
      ) : null}

      <View className="claim-card">
        <View className="claim-total">
          <Text>订单 {c.orderNo}</Text>
          <Text id="claim-open-order" className="claim-link" onClick={() => openPage(routes.order(c.orderId))}>
            查看订单 ›
          </Text>
        </View>
        <Text className="claim-card__hint">申请时间 {formatChinaDateTime(c.createdAt)}</Text>
      </View>

      {steps.length > 0 ? (
        <View className="claim-bar">
          {steps.map((s) => (
            <Button
              key={s.action}
              id={`claim-${s.path}`}
              className={`claim-bar__step${s.action === 'accept_offer' ? ' claim-bar__step--primary' : ''}`}
              loading={busy === s.action}
              disabled={busy !== null || undefined}
              onClick={() => onStep(s)}
            >
              {s.action === 'accept_offer' && c.offeredFen !== null ? `接受 ${formatFen(c.offeredFen)}` : s.label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}
