/**
 * One-time subscribe-message consents (wechat-protocols.md §3): each `accept` lets the server
 * send one message of that template to the user; other answers are only remembered.
 */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db, Executor } from '../../db/client'
import { subscribeConsents } from '../../db/schema'

type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export function createSubscriptionService(db: Db) {
  return {
    async record(userId: number, answers: Record<string, SubscribeAnswer>, at: Date): Promise<void> {
      for (const [templateId, answer] of Object.entries(answers)) {
        const granted = answer === 'accept' ? 1 : 0
        await db
          .insert(subscribeConsents)
          .values({ userId, templateId, remaining: granted, lastAnswer: answer, updatedAt: at })
          .onConflictDoUpdate({
            target: [subscribeConsents.userId, subscribeConsents.templateId],
            set: { remaining: sql`${subscribeConsents.remaining} + ${granted}`, lastAnswer: answer, updatedAt: at },
          })
      }
    },
  }
}

/** Spends one consent if the user has one left; false means do not send. */
export async function spendConsent(db: Executor, userId: number, templateId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(subscribeConsents)
    .set({ remaining: sql`${subscribeConsents.remaining} - 1`, updatedAt: at })
    .where(and(eq(subscribeConsents.userId, userId), eq(subscribeConsents.templateId, templateId), gt(subscribeConsents.remaining, 0)))
    .returning()
  return rows.length > 0
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>
