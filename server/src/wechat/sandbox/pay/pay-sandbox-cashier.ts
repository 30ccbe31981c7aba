/**
 * The pay sandbox's cashier (the buyer's side of WeChat's payment sheet): what it shows for a
 * prepay_id, and the buyer paying — SUCCESS recorded with its TRANSACTION.SUCCESS notice in one
 * transaction, queued in the store so this instance's later operations see it even when the
 * caller does not await, then the notice's first attempt.
 */
import { toChinaRfc3339, type Transaction } from '../../pay/pay-client'
import { KIND, type SandboxStore } from '../sandbox-store'
import type { Notifier } from './pay-sandbox-delivery'
import { newTransactionId } from './pay-sandbox-ids'
import { PaySandboxRefusal, type SandboxOrder } from './pay-sandbox-types'
import { isPaid, transactionView } from './pay-sandbox-views'
import type { SandboxWork } from './pay-sandbox-work'

/** A prepay_id is payable for 2 hours. */
export const PREPAY_TTL_MS = 2 * 3600_000

export interface CashierView {
  description: string
  amountFen: number
  /** Why it cannot be paid (Chinese), when it cannot. */
  problem?: string
}

export class Cashier {
  constructor(
    private readonly store: SandboxStore,
    private readonly now: () => number,
    private readonly notifier: Notifier,
    private readonly work: SandboxWork,
  ) {}

  async view(prepayId: string): Promise<CashierView | null> {
    const prepay = await this.store.get<{ outTradeNo: string }>(KIND.prepay, prepayId)
    const order = prepay && (await this.store.get<SandboxOrder>(KIND.payOrder, prepay.outTradeNo))
    if (!order) return null
    const problem = unpayable(order, prepayId, this.now())
    return { description: order.description, amountFen: order.total, ...(problem ? { problem: problem.message } : {}) }
  }

  pay(prepayId: string, opts: { payerTotal?: number }): Promise<Transaction> {
    const at = this.now() // the moment the buyer paid, whenever the queued transaction runs
    return this.work.run(async () => {
      const paid = await this.store.deferTransaction(async (tx) => {
        const prepay = await tx.get<{ outTradeNo: string }>(KIND.prepay, prepayId)
        const order = prepay && (await tx.getForUpdate<SandboxOrder>(KIND.payOrder, prepay.outTradeNo))
        if (!order) throw new PaySandboxRefusal('PREPAY_NOT_FOUND', '支付单不存在')
        const refusal = unpayable(order, prepayId, at)
        if (refusal) throw refusal
        order.state = 'SUCCESS'
        order.transactionId = newTransactionId()
        order.successTime = toChinaRfc3339(at)
        order.payerTotal = opts.payerTotal ?? order.total
        const transaction = transactionView(order, this.now)
        const body = this.notifier.envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', transaction, at)
        order.lastNotification = { url: order.notifyUrl, body, eventType: 'TRANSACTION.SUCCESS', id: (JSON.parse(body) as { id: string }).id }
        await tx.put(KIND.payOrder, order.outTradeNo, order)
        return { transaction, deliveryId: await this.notifier.record(tx, order.notifyUrl, body) }
      })
      this.notifier.start(paid.deliveryId)
      return paid.transaction
    })
  }
}

/** Why the order cannot be paid with this prepay_id at `now`, or null. */
function unpayable(order: SandboxOrder, prepayId: string, now: number): PaySandboxRefusal | null {
  if (isPaid(order.state)) return new PaySandboxRefusal('ORDERPAID', '该订单已支付')
  if (order.state === 'CLOSED') return new PaySandboxRefusal('ORDER_CLOSED', '订单已关闭')
  if (now > order.expiresAt) return new PaySandboxRefusal('ORDER_EXPIRED', '订单已过支付截止时间')
  if (order.prepayId !== prepayId || now - order.prepayIssuedAt >= PREPAY_TTL_MS) return new PaySandboxRefusal('PREPAY_EXPIRED', '支付单已失效，请重新下单')
  return null
}
