/**
 * One claim as the farmer sees it: the order, why, the buyer's photos and note, what was ordered
 * and what is affected per line, the suggested refund in large type, the deadline, and the answer.
 */
import { Text, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import { formatFen } from '@domain/money'
import { PhotoStrip } from '../../../components/photo-strip'
import { ClaimAnswerPanel } from './claim-answer-panel'
import { CLAIM_REASON_LABELS, deadlineText, farmerStatusText, lineFigures } from './labels'
import { useClaimAnswer } from './use-claim-answer'
import './claims.scss'

interface Props {
  claim: ClaimDto
  onChanged: (claim: ClaimDto) => void
  onStale: () => void
}

export function ClaimCard({ claim: c, onChanged, onStale }: Props) {
  const answer = useClaimAnswer(c, onChanged, onStale)
  return (
    <View id={`claim-${c.id}`} className="f-claim">
      <View className="f-claim__head">
        <Text className="f-claim__reason">{CLAIM_REASON_LABELS[c.reason]}</Text>
        <Text id={`claim-status-${c.id}`} className={`f-claim__status f-claim__status--${c.status}`}>
          {farmerStatusText(c)}
        </Text>
      </View>
      <Text className="f-claim__order">订单号 {c.orderNo}</Text>
      <PhotoStrip photos={c.photos} idPrefix={`claim-photo-${c.id}`} className="f-claim__photos" photoClassName="f-claim__photo" lazyLoad />
      <View className="f-claim__lines">
        {c.lines.map((l) => (
          <View key={l.orderItemId} className="f-claim__line">
            <Text className="f-claim__line-title">
              {l.title} {l.specName} × {l.quantity}
            </Text>
            <Text className="f-claim__line-figures">{lineFigures(l)}</Text>
          </View>
        ))}
      </View>
      {c.note ? <Text className="f-claim__note">买家说：{c.note}</Text> : null}
      <View className="f-claim__amount">
        <Text className="f-claim__amount-label">建议退款</Text>
        <Text id={`claim-suggested-${c.id}`} className="f-claim__amount-value">
          {formatFen(c.suggestedFen)}
        </Text>
      </View>
      <Text className="f-claim__muted">
        这单实付 {formatFen(c.paidFen)}，还能退 {formatFen(c.refundableFen)}
      </Text>
      {c.farmerNote ? <Text className="f-claim__muted">您的说明：{c.farmerNote}</Text> : null}
      {c.managerNote ? <Text className="f-claim__muted">合作社说明：{c.managerNote}</Text> : null}
      {c.status === 'open' ? (
        <Text id={`claim-deadline-${c.id}`} className="f-claim__deadline">
          {deadlineText(c.farmerDeadline)}
        </Text>
      ) : null}
      <ClaimAnswerPanel claim={c} answer={answer} />
    </View>
  )
}
