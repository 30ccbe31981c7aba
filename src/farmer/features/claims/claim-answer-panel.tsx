/** The farmer's buttons on a claim (from its `actions`), and the 提出金额 / 有异议 forms they open. */
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import { formatFen } from '@domain/money'
import type { ClaimAnswer } from './use-claim-answer'

const NOTE_MAX = 200
/** Darker than WeChat's default grey: 5.3:1 on the field's background. */
const PLACEHOLDER = 'color: #6b6459'

function Buttons({ claim, answer }: { claim: ClaimDto; answer: ClaimAnswer }) {
  const can = (action: string) => claim.actions.includes(action)
  const { busy } = answer
  return (
    <View className="f-claim__actions">
      {can('accept') ? (
        <Button id={`claim-accept-${claim.id}`} className="f-claim__button" disabled={busy} loading={busy} onClick={() => void answer.accept()}>
          同意退款 {formatFen(claim.suggestedFen)}
        </Button>
      ) : null}
      <View className="f-claim__row">
        {can('offer') ? (
          <Button id={`claim-offer-${claim.id}`} className="f-claim__button f-claim__button--ghost" disabled={busy} onClick={() => answer.open('offer')}>
            提出金额
          </Button>
        ) : null}
        {can('contest') ? (
          <Button id={`claim-contest-${claim.id}`} className="f-claim__button f-claim__button--ghost" disabled={busy} onClick={() => answer.open('contest')}>
            有异议
          </Button>
        ) : null}
      </View>
    </View>
  )
}

function OfferForm({ claim, answer }: { claim: ClaimDto; answer: ClaimAnswer }) {
  return (
    <View className="f-claim__form">
      <Text className="f-claim__label">退给买家多少钱（元）</Text>
      <Input
        id={`offer-amount-${claim.id}`}
        className="f-claim__input"
        type="digit"
        placeholder={`最多 ${formatFen(claim.refundableFen)}`}
        placeholderStyle={PLACEHOLDER}
        value={answer.amount}
        maxlength={10}
        disabled={answer.busy}
        onInput={(e) => answer.setAmount(e.detail.value)}
      />
      <Text className="f-claim__label">说明（可以不填，买家会看到）</Text>
      <Input
        id={`offer-note-${claim.id}`}
        className="f-claim__input f-claim__input--text"
        placeholder="例如：只有两个坏果"
        placeholderStyle={PLACEHOLDER}
        value={answer.note}
        maxlength={NOTE_MAX}
        disabled={answer.busy}
        onInput={(e) => answer.setNote(e.detail.value)}
      />
      <View className="f-claim__row">
        <Button id={`offer-cancel-${claim.id}`} className="f-claim__button f-claim__button--ghost" disabled={answer.busy} onClick={() => answer.open(null)}>
          取消
        </Button>
        <Button id={`offer-submit-${claim.id}`} className="f-claim__button" disabled={answer.busy} loading={answer.busy} onClick={() => void answer.offer()}>
          确认提出
        </Button>
      </View>
    </View>
  )
}

function ContestForm({ claim, answer }: { claim: ClaimDto; answer: ClaimAnswer }) {
  return (
    <View className="f-claim__form">
      <Text className="f-claim__label">您的理由（必须填写，合作社会看到）</Text>
      <Textarea
        id={`contest-note-${claim.id}`}
        className="f-claim__textarea"
        placeholder="例如：发货时拍了照，果子都是好的"
        placeholderStyle={PLACEHOLDER}
        value={answer.note}
        maxlength={NOTE_MAX}
        disabled={answer.busy}
        onInput={(e) => answer.setNote(e.detail.value)}
      />
      <View className="f-claim__row">
        <Button id={`contest-cancel-${claim.id}`} className="f-claim__button f-claim__button--ghost" disabled={answer.busy} onClick={() => answer.open(null)}>
          取消
        </Button>
        <Button id={`contest-submit-${claim.id}`} className="f-claim__button" disabled={answer.busy} loading={answer.busy} onClick={() => void answer.contest()}>
          提交异议
        </Button>
      </View>
    </View>
  )
}

export function ClaimAnswerPanel({ claim, answer }: { claim: ClaimDto; answer: ClaimAnswer }) {
  if (claim.actions.length === 0) return null
  return (
    <View>
      {answer.form === 'offer' ? <OfferForm claim={claim} answer={answer} /> : null}
      {answer.form === 'contest' ? <ContestForm claim={claim} answer={answer} /> : null}
      {answer.error ? (
        <Text id={`claim-error-${claim.id}`} className="f-claim__error">
          {answer.error}
        </Text>
      ) : null}
      {answer.form === null ? <Buttons claim={claim} answer={answer} /> : null}
    </View>
  )
}
