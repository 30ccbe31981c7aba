/**
 * 订单详情's 售后 block: the order's claims with their status (each opens 售后进度), and 申请售后
 * while the order may still take a claim. Nothing when there is neither.
 */
import { Button, Text, View } from '@tarojs/components'
import type { ClaimDto } from '@contracts/after-sales'
import type { OrderDetailDto } from '@contracts/orders'
import { CLAIM_REASON_LABELS, CLAIM_STATUS_LABELS, CLAIM_WINDOW_HOURS, isClaimOpen } from '@domain/claim-states'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'
import { openPage, routes } from '../../lib/navigation'
import { canFileClaim, claimDeadline } from './after-sale'
import './after-sale.scss'

interface Props {
  order: OrderDetailDto
  /** null while they load */
  claims: ClaimDto[] | null
  now?: Date
}

/** The amount that matters now: the final one, else the farmer's offer, else the suggestion. */
const claimFen = (c: ClaimDto) => c.settledFen ?? c.offeredFen ?? c.suggestedFen

export function OrderAfterSale({ order: o, claims, now = new Date() }: Props) {
  if (claims === null) return null
  const canFile = canFileClaim(o, claims, now)
  if (!canFile && claims.length === 0) return null
  const until = claimDeadline(o)
  return (
    <View className="order-after-sale" id="order-after-sale">
      <Text className="order-after-sale__heading">售后</Text>
      {claims.map((c) => (
        <View key={c.id} id={`order-claim-${c.id}`} className="order-after-sale__claim" onClick={() => openPage(routes.claimDetail(c.id))}>
          <View className="order-after-sale__claim-main">
            <Text>
              {CLAIM_REASON_LABELS[c.reason]} · {c.lines.map((l) => l.title).join('、')}
            </Text>
            <Text className="order-after-sale__muted">
              {formatChinaDateTime(c.createdAt, 'MM-DD HH:mm')} 申请 · {formatFen(claimFen(c))}
            </Text>
          </View>
          <Text className={`order-after-sale__status${isClaimOpen(c.status) ? ' order-after-sale__status--open' : ''}`}>
            {CLAIM_STATUS_LABELS[c.status]} ›
          </Text>
        </View>
      ))}
      {canFile ? (
        <View className="order-after-sale__file">
          <Text className="order-after-sale__muted">
            {until
              ? `坏果、少斤、错发可申请售后，${formatChinaDateTime(until.toISOString(), 'M月D日 HH:mm')} 前有效`
              : `坏果、少斤、错发可申请售后（签收后 ${CLAIM_WINDOW_HOURS} 小时内）`}
          </Text>
          <Button id="order-claim" className="order-after-sale__button" onClick={() => openPage(routes.claim(o.id))}>
            申请售后
          </Button>
        </View>
      ) : null}
    </View>
  )
}
