/**
 * An escalated claim as the manager decides it: the order, farmer and reason, the buyer's photos
 * and note, the figures (paid, refundable, suggested, offered), the farmer's note, and the decide
 * form (amount in 元, 由谁承担 农户 / 合作社, a note both sides read).
 */
import { Button, Input, Text, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import { formatFen } from '@domain/money'
import { REFUND_BEARERS } from '@domain/payment-states'
import { PhotoStrip } from '../../../components/photo-strip'
import { BEARER_LABELS, CLAIM_REASON_LABELS, escalationText, lineFigures, shortTime } from './labels'
import { useDecision } from './use-decision'
import './after-sales.scss'

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="c-row">
      <Text className="c-row__label">{label}</Text>
      <Text id={id}>{value}</Text>
    </View>
  )
}

interface Props {
  claim: ClaimDto
  busy: boolean
  onDecide: (claim: ClaimDto, body: { amountFen: number; borneBy: 'farmer' | 'cooperative'; note: string }) => Promise<void>
}

export function EscalatedClaimCard({ claim: c, busy, onDecide }: Props) {
  const d = useDecision(c)
  return (
    <View id={`escalated-${c.id}`} className="c-card c-as">
      <View className="c-card__title">
        <Text>{CLAIM_REASON_LABELS[c.reason]}</Text>
        <Text className="c-as__when">{shortTime(c.createdAt)} 申请</Text>
      </View>
      <Text className="c-as__text">
        订单 {c.orderNo} · 农户 {c.farmer.name}（{c.farmer.village}）
      </Text>
      <Text className="c-as__why">{escalationText(c)}</Text>
      <PhotoStrip photos={c.photos} idPrefix={`claim-photo-${c.id}`} className="c-as__photos" photoClassName="c-as__photo" lazyLoad />
      {c.lines.map((l) => (
        <View key={l.orderItemId} className="c-as__line">
          <Text className="c-as__line-title">
            {l.title} {l.specName} × {l.quantity}
          </Text>
          <Text className="c-as__text">{lineFigures(l)}</Text>
        </View>
      ))}
      {c.note ? <Text className="c-as__quote">买家说：{c.note}</Text> : null}
      {c.farmerNote ? <Text className="c-as__quote c-as__quote--farmer">农户说：{c.farmerNote}</Text> : null}
      <Row label="实付" value={formatFen(c.paidFen)} />
      <Row label="还能退" value={formatFen(c.refundableFen)} />
      <Row label="建议退款" value={formatFen(c.suggestedFen)} id={`escalated-suggested-${c.id}`} />
      {c.offeredFen !== null ? <Row label="农户提出" value={formatFen(c.offeredFen)} /> : null}

      <View className="c-as__form">
        <Text className="c-as__label">退给买家（元，不退填 0）</Text>
        <Input id={`decide-amount-${c.id}`} className="c-input c-as__input" type="digit" value={d.amount} maxlength={10} disabled={busy} onInput={(e) => d.setAmount(e.detail.value)} />
        <Text className="c-as__label">由谁承担</Text>
        <View className="c-as__choices">
          {REFUND_BEARERS.map((b) => (
            <Text
              key={b}
              id={`decide-bearer-${c.id}-${b}`}
              className={`c-as__choice${d.borneBy === b ? ' c-as__choice--on' : ''}`}
              onClick={() => !busy && d.setBorneBy(b)}
            >
              {BEARER_LABELS[b]}
            </Text>
          ))}
        </View>
        <Text className="c-as__label">裁定说明（必填，买家和农户都会看到）</Text>
        <Input
          id={`decide-note-${c.id}`}
          className="c-input c-as__input"
          placeholder="例如：照片看得出3个坏果，按3个退"
          maxlength={200}
          value={d.note}
          disabled={busy}
          onInput={(e) => d.setNote(e.detail.value)}
        />
        {d.error ? (
          <Text id={`decide-error-${c.id}`} className="c-as__error">
            {d.error}
          </Text>
        ) : null}
        <View className="c-actions">
          <Button
            id={`decide-submit-${c.id}`}
            className={`c-button${busy ? ' c-button--off' : ''}`}
            disabled={busy}
            onClick={() => void d.submit((body) => onDecide(c, body))}
          >
            确认裁定
          </Button>
        </View>
      </View>
    </View>
  )
}
