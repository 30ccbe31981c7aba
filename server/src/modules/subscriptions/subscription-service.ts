/**
 * One-time subscribe-message consents (wechat-protocols.md §3): each `accept` lets the server
 * send one message of that template to the user; other answers are only remembered.
 */
import type { Db } from '../../db/client'
import { recordAnswer } from './consent-repository'

type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export function createSubscriptionService(db: Db) {
  return {
    async record(userId: number, answers: Record<string, SubscribeAnswer>, at: Date): Promise<void> {
      for (const [templateId, answer] of Object.entries(answers)) await recordAnswer(db, userId, templateId, answer, answer === 'accept' ? 1 : 0, at)
    },
  }
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>
