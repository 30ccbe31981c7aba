/**
 * A refund WeChat could not pay back (abnormal) or refused (failed): the order, farmer, amount,
 * kind and status, WeChat's reason, what to do, and 标记已处理 with a note once it is sorted out.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { RefundAttentionDto } from '@contracts/after-sales'
import { formatFen } from '@domain/money'
import { REFUND_KIND_LABELS, REFUND_STATUS_LABELS, shortTime } from './labels'
import './after-sales.scss'

interface Props {
  refund: RefundAttentionDto
  busy: boolean
  onResolve: (refund: RefundAttentionDto, note: string) => Promise<boolean>
}

export function RefundAttentionCard({ refund: r, busy, onResolve }: Props) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  // What was typed last, read at submit: a tap right after typing may come before the re-render.
  const typed = useRef('')
  const submit = async () => {
    const text = typed.current.trim()
    if (!text) {
      setError('请写明怎么处理的，例如：已线下转账')
      return
    }
    if (await onResolve(r, text)) setOpen(false)
  }
  return (
    <View id={`attention-${r.id}`} className="c-card c-as">
      <View className="c-card__title">
        <Text>{formatFen(r.amountFen)}</Text>
        <Text id={`attention-status-${r.id}`} className={`c-as__badge c-as__badge--${r.status}`}>
          {REFUND_STATUS_LABELS[r.status]}
        </Text>
      </View>
      <Text className="c-as__text">
        订单 {r.orderNo} · 农户 {r.farmerName} · {REFUND_KIND_LABELS[r.kind]}
      </Text>
      <Text className="c-as__text">
        {shortTime(r.createdAt)} 发起 · 退款单号 {r.outRefundNo}
      </Text>
      {r.failureReason ? <Text className="c-as__quote">微信说：{r.failureReason}</Text> : null}
      <Text className="c-as__todo">怎么办：{r.whatToDo}</Text>
      {r.resolvedAt ? (
        <Text id={`attention-resolved-${r.id}`} className="c-as__done">
          ✓ {shortTime(r.resolvedAt)} 已处理{r.resolvedNote ? `：${r.resolvedNote}` : ''}
        </Text>
      ) : open ? (
        <View className="c-as__form">
          <Text className="c-as__label">怎么处理的（必填）</Text>
          <Input
            id={`resolve-note-${r.id}`}
            className="c-input c-as__input"
            placeholder="例如：已通过微信商户平台退款"
            maxlength={200}
            value={note}
            disabled={busy}
            onInput={(e) => {
              typed.current = e.detail.value
              setNote(e.detail.value)
              setError(null)
            }}
          />
          {error ? <Text className="c-as__error">{error}</Text> : null}
          <View className="c-actions">
            <Button id={`resolve-cancel-${r.id}`} className={`c-button c-button--ghost${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button id={`resolve-submit-${r.id}`} className={`c-button${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={() => void submit()}>
              确认已处理
            </Button>
          </View>
        </View>
      ) : (
        <View className="c-actions">
          <Button id={`resolve-${r.id}`} className={`c-button c-button--ghost${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={() => setOpen(true)}>
            标记已处理
          </Button>
        </View>
      )}
    </View>
  )
}
