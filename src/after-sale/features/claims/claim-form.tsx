/**
 * 申请售后: the reason (chips), how much of each line is affected (斤, or for 箱/个 lines a choice
 * of 按箱(个) / 按斤), up to 6 photos, a note, the live suggested refund, and the submit bar.
 */
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { CLAIM_REASON_LABELS, CLAIM_REASONS, type ClaimMeasure } from '@domain/claim-states'
import { formatFen } from '@domain/money'
import { ClaimPhotoPicker } from './claim-photo-picker'
import { measureChoiceLabel, measureUnit, orderedText } from './claim-lines'
import { useClaimForm, type FormLine } from './use-claim-form'
import './claims.scss'

const NOTE_MAX = 200

interface Props {
  order: OrderDetailDto
  claims: ClaimDto[]
  onFiled: (claim: ClaimDto) => void
}

/** 按箱 / 按斤 for a 箱/个 line (nothing for lines sold by weight: 斤 only). */
function MeasureToggle({ line, onChoose }: { line: FormLine; onChoose: (measure: ClaimMeasure) => void }) {
  if (line.measures.length < 2) return null
  return (
    <View className="claim-measure" id={`measure-${line.item.id}`}>
      {line.measures.map((m) => (
        <View
          key={m}
          id={`measure-${line.item.id}-${m}`}
          className={`claim-measure__option${line.measure === m ? ' claim-measure__option--on' : ''}`}
          ariaRole="button"
          ariaLabel={`${measureChoiceLabel(line.item.unit, m)}填写${line.measure === m ? '，已选' : ''}`}
          onClick={() => onChoose(m)}
        >
          {measureChoiceLabel(line.item.unit, m)}
        </View>
      ))}
    </View>
  )
}

function LineInput({ line, onChange, onChoose }: { line: FormLine; onChange: (text: string) => void; onChoose: (measure: ClaimMeasure) => void }) {
  const { item, affected, measure } = line
  const byWeight = measure === 'g'
  return (
    <View className="claim-line" id={`claim-line-${item.id}`}>
      <Text className="claim-line__title">
        {item.title} · {item.specName}
      </Text>
      <Text className="claim-line__meta">
        下单 {orderedText(item)} · 实付 {formatFen(item.lineTotalFen)}
      </Text>
      <MeasureToggle line={line} onChoose={onChoose} />
      <View className="claim-line__row">
        <Text className="claim-line__label">受影响数量</Text>
        <Input
          id={`affected-${item.id}`}
          className={`claim-line__input${affected.ok ? '' : ' claim-line__input--bad'}`}
          type={byWeight ? 'digit' : 'number'}
          value={line.text}
          maxlength={9}
          placeholder={byWeight ? '如 1.5' : '如 1'}
          onInput={(e) => onChange(e.detail.value)}
        />
        <Text className="claim-line__unit">{measureUnit(item, measure)}</Text>
      </View>
      {affected.ok ? (
        line.suggestedFen > 0 ? <Text className="claim-line__suggest">这件约退 {formatFen(line.suggestedFen)}</Text> : null
      ) : (
        <Text className="claim-line__bad">{affected.message}</Text>
      )}
    </View>
  )
}

export function ClaimForm({ order, claims, onFiled }: Props) {
  const form = useClaimForm(order, claims, onFiled)
  return (
    <View className="claim-page">
      <View className="claim-card">
        <Text className="claim-card__heading">售后原因</Text>
        <View className="claim-chips">
          {CLAIM_REASONS.map((r) => (
            <View
              key={r}
              id={`reason-${r}`}
              className={`claim-chip${form.reason === r ? ' claim-chip--on' : ''}`}
              onClick={() => form.setReason(r)}
            >
              {CLAIM_REASON_LABELS[r]}
            </View>
          ))}
        </View>
      </View>

      <View className="claim-card">
        <Text className="claim-card__heading">哪些商品有问题</Text>
        <Text className="claim-card__hint">只填有问题的商品。按斤卖的填斤数（如 1.5）；按箱、按个卖的填箱数、个数，只坏了几个也可以选“按斤”，填坏了大约几斤。</Text>
        {form.lines.map((line) => (
          <LineInput
            key={line.item.id}
            line={line}
            onChange={(text) => form.setAffected(line.item.id, text)}
            onChoose={(measure) => form.setMeasure(line.item.id, measure)}
          />
        ))}
      </View>

      <ClaimPhotoPicker photos={form.photos} />

      <View className="claim-card">
        <Text className="claim-card__heading">补充说明（可不填）</Text>
        <Textarea
          id="claim-note"
          className="claim-note"
          value={form.note}
          maxlength={NOTE_MAX}
          placeholder="如：收到时有 3 个苹果压坏了"
          onInput={(e) => form.setNote(e.detail.value)}
        />
      </View>

      <View className="claim-card" id="claim-suggested">
        <View className="claim-total">
          <Text>建议退款</Text>
          <Text className="claim-total__fen">{formatFen(form.suggestedFen)}</Text>
        </View>
        <Text className="claim-card__hint">按受影响的比例计算，最终金额以农户或合作社确认为准，原路退回。</Text>
      </View>

      {form.error ? (
        <Text id="claim-error" className="claim-error">
          {form.error}
        </Text>
      ) : null}

      <View className="claim-bar">
        <Button id="claim-submit" className="claim-bar__submit" loading={form.submitting} disabled={form.submitting || undefined} onClick={() => void form.submit()}>
          提交售后申请
        </Button>
      </View>
    </View>
  )
}
