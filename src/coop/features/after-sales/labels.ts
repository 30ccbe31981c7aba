/** How claims and refunds read to the manager: quantities, figures, the decision, errors. Pure. */
import type { ClaimDto, ClaimLineDto } from '@contracts/after-sales'
import { CLAIM_REASON_LABELS } from '@domain/claim-states'
import { formatChinaDateTime } from '@domain/china-time'
import { formatFen, yuanToFen } from '@domain/money'
import { REFUND_KIND_LABELS, REFUND_STATUS_LABELS, type RefundBearer } from '@domain/payment-states'
import { GRAMS_PER_JIN } from '@domain/units'
import { userMessage, type MessageOverrides } from '../../../lib/api-error'

export { CLAIM_REASON_LABELS, REFUND_KIND_LABELS, REFUND_STATUS_LABELS }

export const BEARER_LABELS: Record<RefundBearer, string> = { farmer: '农户', cooperative: '合作社' }

/** An amount in the line's claim measure: grams (any line, also a 箱 claimed 按斤) → 斤, else units. 1250 g → "2.5斤", 3 → "3箱". */
export function measureText(line: Pick<ClaimLineDto, 'unit' | 'measure'>, amount: number): string {
  if (line.measure !== 'g') return `${amount}${line.unit}`
  return `${Math.round((amount / GRAMS_PER_JIN) * 100) / 100}斤`
}

export function lineFigures(line: ClaimLineDto): string {
  return `下单 ${measureText(line, line.ordered)} · 有问题 ${measureText(line, line.affected)} · 建议 ${formatFen(line.suggestedFen)}`
}

/** "11-28 14:05" in China time. */
export const shortTime = (at: string | null) => formatChinaDateTime(at, 'MM-DD HH:mm')

/** Why the claim came to the cooperative. */
export function escalationText(c: Pick<ClaimDto, 'offeredFen' | 'farmerNote'>): string {
  if (c.offeredFen !== null) return `农户提出退 ${formatFen(c.offeredFen)}，买家不同意`
  if (c.farmerNote) return '农户有异议'
  return '农户24小时内没有处理'
}

export type DecisionCheck = { ok: true; fen: number; borneBy: RefundBearer; note: string } | { ok: false; error: string }

/** The manager's decision: an amount in 元 (0 = no refund) up to what is refundable, who bears it, a note. */
export function checkDecision(input: { amount: string; borneBy: RefundBearer | null; note: string }, refundableFen: number): DecisionCheck {
  const fen = yuanToFen(input.amount)
  if (fen === null) return { ok: false, error: '请填写退款金额（元），不退款填 0' }
  if (fen > refundableFen) return { ok: false, error: `这单最多还能退 ${formatFen(refundableFen)}` }
  if (!input.borneBy) return { ok: false, error: '请选择由谁承担' }
  const note = input.note.trim()
  if (!note) return { ok: false, error: '请填写裁定说明，买家和农户都会看到' }
  return { ok: true, fen, borneBy: input.borneBy, note }
}

export function decidePrompt(c: Pick<ClaimDto, 'orderNo' | 'farmer'>, d: { fen: number; borneBy: RefundBearer }) {
  if (d.fen === 0) return { title: '裁定不退款', content: `订单 ${c.orderNo} 不退款，售后就此结束。`, confirmText: '确定' }
  const who = d.borneBy === 'farmer' ? `由农户${c.farmer.name}承担，从其结算单扣除` : '由合作社承担，不扣农户的钱'
  return { title: '裁定退款', content: `退给买家 ${formatFen(d.fen)}，${who}。确定后立即原路退款。`, confirmText: '确定退款' }
}

export const RESOLVE_PROMPT = { title: '标记已处理', content: '确认已经在微信商户平台或线下把钱退给买家了吗？', confirmText: '已处理' }

const OVERRIDES: MessageOverrides = {
  NOT_FOUND: '找不到这条记录，可能已被处理',
  CLAIM_STEP_NOT_ALLOWED: '这条售后刚刚有变化，已刷新',
}

export function afterSalesErrorText(err: unknown): string {
  return userMessage(err, OVERRIDES)
}
