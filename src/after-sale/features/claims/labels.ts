/** How a claim reads to the buyer: its status hint, the farmer's deadline, the figures, the buttons. Pure. */
import type { ClaimDto } from '@contracts/after-sales'
import { FARMER_ANSWER_HOURS, type ClaimAction } from '@domain/claim-states'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen } from '@domain/money'

/** "农户需在 12月4日 15:00 前处理，逾期自动转合作社" while the farmer has to answer, else null. */
export function deadlineText(c: Pick<ClaimDto, 'status' | 'farmerDeadline'>): string | null {
  if (c.status !== 'open') return null
  const at = formatChinaDateTime(c.farmerDeadline, 'M月D日 HH:mm')
  return at ? `农户需在 ${at} 前处理，逾期自动转合作社` : null
}

/** One line under the status. */
export function statusHint(c: Pick<ClaimDto, 'status' | 'offeredFen' | 'settledFen'>): string {
  switch (c.status) {
    case 'open':
      return `已提交，农户会在 ${FARMER_ANSWER_HOURS} 小时内处理`
    case 'offered':
      return `农户提出退 ${formatFen(c.offeredFen ?? 0)}，你可以接受，或请合作社处理`
    case 'escalated':
      return '合作社正在处理，会尽快给出结果'
    case 'accepted':
      return `已同意退款 ${formatFen(c.settledFen ?? 0)}，原路退回`
    case 'decided':
      return (c.settledFen ?? 0) > 0 ? `合作社裁定退款 ${formatFen(c.settledFen ?? 0)}，原路退回` : '合作社裁定不予退款'
    case 'withdrawn':
      return '你已撤回这次售后'
  }
}

export interface Figure {
  id: string
  label: string
  fen: number
}

/** 建议退款, then 农户提出 and 最终退款 once there are such figures. */
export function claimFigures(c: Pick<ClaimDto, 'suggestedFen' | 'offeredFen' | 'settledFen'>): Figure[] {
  const figures: Figure[] = [{ id: 'suggested', label: '建议退款', fen: c.suggestedFen }]
  if (c.offeredFen !== null) figures.push({ id: 'offered', label: '农户提出', fen: c.offeredFen })
  if (c.settledFen !== null) figures.push({ id: 'settled', label: '最终退款', fen: c.settledFen })
  return figures
}

/** The buyer's steps, in the order the buttons stand, with their words. */
export const BUYER_STEPS = [
  { action: 'withdraw', label: '撤回', path: 'withdraw' },
  { action: 'ask_cooperative', label: '请合作社处理', path: 'ask-cooperative' },
  { action: 'accept_offer', label: '接受', path: 'accept-offer' },
] as const satisfies readonly { action: ClaimAction; label: string; path: string }[]

export type BuyerStep = (typeof BUYER_STEPS)[number]

/** The steps the server says the buyer may take now. */
export function buyerSteps(c: Pick<ClaimDto, 'actions'>): BuyerStep[] {
  return BUYER_STEPS.filter((s) => c.actions.includes(s.action))
}

