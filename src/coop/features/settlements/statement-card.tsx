/** One member's statement for the week: the figures, its refunds by kind, late-refund adjustments, and what can be done next. */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StatementDto } from '@contracts/coop'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import { formatBps, formatFen, STATEMENT_STATUS_TEXT } from '../../shared/format'
import './settlements.scss'

function Row({ id, label, value, total }: { id?: string; label: string; value: string; total?: boolean }) {
  return (
    <View className={`c-row${total ? ' c-row--total' : ''}`}>
      <Text className="c-row__label">{label}</Text>
      <Text id={id}>{value}</Text>
    </View>
  )
}

export interface StatementActions {
  canConfirm: boolean
  busy: boolean
  onConfirm: (s: StatementDto) => void
  onPay: (s: StatementDto, paymentRef: string) => void
}

export function StatementCard({ s, actions }: { s: StatementDto; actions: StatementActions }) {
  const [ref, setRef] = useState('')
  return (
    <View id={`statement-${s.farmerId}`} className="c-card">
      <View className="c-card__title">
        <Text>
          {s.farmerName}
          <Text id={`statement-status-${s.farmerId}`} className={`c-tag c-tag--${s.status}`}>{STATEMENT_STATUS_TEXT[s.status]}</Text>
        </Text>
        <Text className="c-muted">{s.orders}单</Text>
      </View>
      <Row label="销售额" value={formatFen(s.grossFen)} />
      <Row label="退款" value={formatFen(-s.refundsFen)} />
      {s.refundsByKind.map((k) => (
        <Text key={k.kind} id={`statement-refund-${s.farmerId}-${k.kind}`} className="c-muted c-kind">
          · {REFUND_KIND_LABELS[k.kind]} {k.count}笔 {formatFen(-k.goodsFen)}
          {k.shippingFen > 0 ? `，退运费 ${formatFen(k.shippingFen)}` : ''}
        </Text>
      ))}
      <Row label={`佣金（${formatBps(s.commissionBps)}）`} value={formatFen(-s.commissionFen)} />
      <Row label="运费（归农户）" value={formatFen(s.shippingFen)} />
      {s.adjustmentsFen !== 0 ? <Row label="调整（已确认周的迟到退款）" value={formatFen(s.adjustmentsFen)} /> : null}
      {s.adjustments.map((a) => (
        <Text key={a.orderNo} className="c-muted">
          · 订单 {a.orderNo}（{a.saleWeek}）退款 {formatFen(a.adjustmentFen)}
        </Text>
      ))}
      <Row id={`statement-net-${s.farmerId}`} label="应付农户" value={formatFen(s.netFen)} total />
      {s.status === 'paid' ? (
        <Text id={`payment-ref-${s.farmerId}`} className="c-muted">
          付款凭证：{s.paymentRef}
        </Text>
      ) : null}
      {s.status === 'draft' && actions.canConfirm ? (
        <View className="c-actions">
          <Button id={`confirm-${s.farmerId}`} className={`c-button c-button--small${actions.busy ? ' c-button--off' : ''}`} disabled={actions.busy} onClick={() => actions.onConfirm(s)}>
            确认结算单
          </Button>
        </View>
      ) : null}
      {s.status === 'confirmed' ? (
        <View className="c-actions c-actions--form">
          <Input id={`pay-ref-${s.farmerId}`} className="c-input" placeholder="转账凭证号" maxlength={64} value={ref} onInput={(e) => setRef(e.detail.value)} />
          <Button
            id={`pay-${s.farmerId}`}
            className={`c-button c-button--small${actions.busy || ref.trim() === '' ? ' c-button--off' : ''}`}
            disabled={actions.busy || ref.trim() === ''}
            onClick={() => actions.onPay(s, ref.trim())}
          >
            标记已付款
          </Button>
        </View>
      ) : null}
    </View>
  )
}
