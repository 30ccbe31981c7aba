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

/** The note field's own props (an Input or a Textarea): what was typed, its limit, read-only while sending. */
function noteField(answer: ClaimAnswer) {
  return {
    placeholderStyle: PLACEHOLDER,
    value: answer.note,
    maxlength: NOTE_MAX,
    disabled: answer.busy,
    onInput: (e: { detail: { value: string } }) => answer.setNote(e.detail.value),
  }
}

/** 取消 and the form's submit button (`form` names the ids and the answer it sends). */
function FormButtons({ claim, answer, form, label }: { claim: ClaimDto; answer: ClaimAnswer; form: 'offer' | 'contest'; label: string }) {
  return (
    <View className="f-claim__row">
      <Button id={`${form}-cancel-${claim.id}`} className="f-claim__button f-claim__button--ghost" disabled={answer.busy} onClick={() => answer.open(null)}>
        取消
      </Button>
      <Button id={`${form}-submit-${claim.id}`} className="f-claim__button" disabled={answer.busy} loading={answer.busy} onClick={() => void answer[form]()}>
        {label}
      </Button>
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
      <Input id={`offer-note-${claim.id}`} className="f-claim__input f-claim__input--text" placeholder="例如：只有两个坏果" {...noteField(answer)} />
      <FormButtons claim={claim} answer={answer} form="offer" label="确认提出" />
    </View>
  )
}

function ContestForm({ claim, answer }: { claim: ClaimDto; answer: ClaimAnswer }) {
  return (
    <View className="f-claim__form">
      <Text className="f-claim__label">您的理由（必须填写，合作社会看到）</Text>
      <Textarea id={`contest-note-${claim.id}`} className="f-claim__textarea" placeholder="例如：发货时拍了照，果子都是好的" {...noteField(answer)} />
      <FormButtons claim={claim} answer={answer} form="contest" label="提交异议" />
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
