/** SQL for the "shipped" message sends: one row per order and template, its consent and outcome. */
import { and, eq } from 'drizzle-orm'
import type { Db, Executor } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { messageSends, users } from '../../db/schema'
import { spendConsent } from '../subscriptions'

export type SendRow = typeof messageSends.$inferSelect
export type SendOutcome = 'sent' | 'no_consent' | 'failed'

/**
 * The send row for this order and template. The first call creates it `pending` and spends one
 * of the buyer's consents in the same transaction (none left → `no_consent`); later calls return
 * the row as it is, spending nothing.
 */
export async function claimSend(db: Db, order: { id: number; buyerId: number }, templateId: string, at: Date): Promise<SendRow> {
  return inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(messageSends)
      .values({ userId: order.buyerId, orderId: order.id, templateId, outcome: 'pending', createdAt: at })
      .onConflictDoNothing()
      .returning()
    if (!created) {
      const [existing] = await tx.select().from(messageSends).where(and(eq(messageSends.orderId, order.id), eq(messageSends.templateId, templateId)))
      return existing
    }
    if (await spendConsent(tx, order.buyerId, templateId, at)) return created
    const [none] = await tx.update(messageSends).set({ outcome: 'no_consent' }).where(eq(messageSends.id, created.id)).returning()
    return none
  })
}

/** The send's final outcome; only a pending send changes. */
export async function settleSend(db: Executor, id: number, outcome: SendOutcome, errcode: number | null): Promise<void> {
  await db.update(messageSends).set({ outcome, errcode }).where(and(eq(messageSends.id, id), eq(messageSends.outcome, 'pending')))
}

/** A failed try, kept pending for the next one. */
export async function noteSendErrcode(db: Executor, id: number, errcode: number): Promise<void> {
  await db.update(messageSends).set({ errcode }).where(eq(messageSends.id, id))
}

export async function openidOf(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  return row?.openid ?? null
}
