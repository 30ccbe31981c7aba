/** SQL for one-time subscribe-message consents (the table subscriptions owns). */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { subscribeConsents } from '../../db/schema'

/** Remembers a user's latest answer for a template; an `accept` adds one message they may be sent. */
export async function recordAnswer(db: Executor, userId: number, templateId: string, answer: string, granted: number, at: Date): Promise<void> {
  await db
    .insert(subscribeConsents)
    .values({ userId, templateId, remaining: granted, lastAnswer: answer, updatedAt: at })
    .onConflictDoUpdate({
      target: [subscribeConsents.userId, subscribeConsents.templateId],
      set: { remaining: sql`${subscribeConsents.remaining} + ${granted}`, lastAnswer: answer, updatedAt: at },
    })
}

/** Spends one consent if the user has one left; false means do not send. */
export async function spendConsent(db: Executor, userId: number, templateId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(subscribeConsents)
    .set({ remaining: sql`${subscribeConsents.remaining} - 1`, updatedAt: at })
    .where(and(eq(subscribeConsents.userId, userId), eq(subscribeConsents.templateId, templateId), gt(subscribeConsents.remaining, 0)))
    .returning({ userId: subscribeConsents.userId })
  return rows.length > 0
}
