/** How a claim reads to the farmer: quantities in 斤 or units, the deadline, where it stands, errors. Pure. */
import type { ClaimDto, ClaimLineDto } from '@contracts/after-sales'
import { CLAIM_REASON_LABELS, type ClaimStatus } from '@domain/claim-states'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen, yuanToFen } from '@domain/money'
import { GRAMS_PER_JIN } from '@domain/units'
import { userMessage, type MessageOverrides } from '../../../lib/api-error'

export { CLAIM_REASON_LABELS }

/**
 * An amount in the line's claim measure: grams (any line, also a 箱 claimed 按斤) → 斤, else
 * units. 1250 g → "2.5斤"; 3 of a 箱 line claimed by the box → "3箱".
 */
export function measureText(line: Pick<ClaimLineDto, 'unit' | 'measure'>, amount: number): string {
  if (line.measure !== 'g') return `${amount}${line.unit}`
  return `${Math.round((amount / GRAMS_PER_JIN) * 100) / 100}斤`
}

/** "下单 10斤 · 有问题 3斤" (a 箱 claimed 按斤 reads in 斤 too: "下单 5斤 · 有问题 1斤"). */
export function lineFigures(line: ClaimLineDto): string {
  return `下单 ${measureText(line, line.ordered)} · 有问题 ${measureText(line, line.affected)}`
}

/** "请在 12月4日 15:00 前处理，逾期转合作社" (China time); past it: the cooperative takes over. */
export function deadlineText(deadline: string, now = Date.now()): string {
  const at = formatChinaDateTime(deadline, 'M月D日 HH:mm')
  if (Date.parse(deadline) <= now) return `已过处理时间（${at}），合作社会接手处理`
  return `请在 ${at} 前处理，逾期转合作社`
}

/** Where the claim stands, in the farmer's words. */
export function farmerStatusText(c: Pick<ClaimDto, 'status' | 'offeredFen' | 'settledFen'>): string {
  const texts: Record<ClaimStatus, string> = {
    open: '待您处理',
    offered: c.offeredFen !== null ? `您提出退 ${formatFen(c.offeredFen)}，等买家回复` : '等买家回复',
    escalated: '合作社处理中',
    accepted: c.settledFen !== null ? `已同意退 ${formatFen(c.settledFen)}` : '已同意退款',
    decided: c.settledFen !== null ? `合作社裁定退 ${formatFen(c.settledFen)}` : '合作社已裁定',
    withdrawn: '买家已撤回',
  }
  return texts[c.status]
}

export type AmountCheck = { ok: true; fen: number } | { ok: false; error: string }

/** What the farmer typed as an offer in 元: more than 0, at most what the order can still refund. */
export function checkOfferAmount(input: string, refundableFen: number): AmountCheck {
  const fen = yuanToFen(input)
  if (fen === null) return { ok: false, error: '请填写金额（元），例如 8.5' }
  if (fen === 0) return { ok: false, error: '金额要大于 0 元；不同意退款请点“有异议”' }
  if (fen > refundableFen) return { ok: false, error: `这单最多还能退 ${formatFen(refundableFen)}` }
  return { ok: true, fen }
}

/** The confirm dialogs, in plain words. */
export const prompts = {
  accept: (fen: number) => ({
    title: '同意退款',
    content: `同意退给买家 ${formatFen(fen)}？钱会原路退回买家，从您的结算单里扣除。`,
    confirmText: '同意退款',
  }),
  offer: (fen: number) => ({
    title: '提出金额',
    content: `提出退给买家 ${formatFen(fen)}？买家同意后钱会原路退回，从您的结算单里扣除；买家不同意可以请合作社处理。`,
    confirmText: '确认提出',
  }),
  contest: () => ({
    title: '有异议',
    content: '提交后，这条售后交给合作社处理，由合作社决定退多少。',
    confirmText: '提交异议',
  }),
}

/** What the farmer is told once the step went through. */
export const doneText = { accept: '已同意，钱会原路退给买家', offer: '已提出，等买家回复', contest: '已提交，合作社会处理' } as const

const OVERRIDES: MessageOverrides = {
  NOT_FOUND: '找不到这条售后申请',
  VALIDATION_FAILED: '填写的内容有误，请检查',
}

export function claimErrorText(err: unknown): string {
  return userMessage(err, OVERRIDES)
}
