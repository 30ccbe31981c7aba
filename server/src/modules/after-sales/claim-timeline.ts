/** The order timeline's entry for each claim step: its event name and the Chinese line the buyer reads. */
import { CLAIM_REASON_LABELS, FARMER_ANSWER_HOURS, type ClaimReason } from '@domain/claim-states'
import { formatFen } from '@domain/money'
import type { RefundBearer } from '@domain/payment-states'

export interface TimelineEntry {
  event: string
  reason: string
}

const withNote = (text: string, note: string | null | undefined) => (note ? `${text}：${note}` : text)
const BEARER: Record<RefundBearer, string> = { farmer: '农户承担', cooperative: '合作社承担' }

export const timeline = {
  opened: (reason: ClaimReason, suggestedFen: number): TimelineEntry => ({
    event: 'claim.opened',
    reason: `买家申请售后：${CLAIM_REASON_LABELS[reason]}，建议退 ${formatFen(suggestedFen)}`,
  }),
  accepted: (amountFen: number): TimelineEntry => ({ event: 'claim.accepted', reason: `农户同意售后，退款 ${formatFen(amountFen)}` }),
  offered: (amountFen: number, note: string | null): TimelineEntry => ({ event: 'claim.offered', reason: withNote(`农户提出退款 ${formatFen(amountFen)}`, note) }),
  contested: (note: string): TimelineEntry => ({ event: 'claim.contested', reason: withNote('农户有异议，已转合作社处理', note) }),
  timedOut: (): TimelineEntry => ({ event: 'claim.escalated', reason: `农户 ${FARMER_ANSWER_HOURS} 小时内未处理，已转合作社处理` }),
  askedCooperative: (): TimelineEntry => ({ event: 'claim.escalated', reason: '买家未接受农户的金额，已请合作社处理' }),
  offerAccepted: (amountFen: number): TimelineEntry => ({ event: 'claim.accepted', reason: `买家接受农户提出的退款 ${formatFen(amountFen)}` }),
  decided: (amountFen: number, borneBy: RefundBearer, note: string): TimelineEntry => ({
    event: 'claim.decided',
    reason: withNote(amountFen > 0 ? `合作社裁定退款 ${formatFen(amountFen)}（${BEARER[borneBy]}）` : '合作社裁定不予退款', note),
  }),
  withdrawn: (): TimelineEntry => ({ event: 'claim.withdrawn', reason: '买家撤回了售后申请' }),
}
