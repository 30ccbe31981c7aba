/** Durable background jobs (server/src/jobs): every module enqueues through job-queue.ts, the only writer. */
import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/** Durable background jobs: expiry, auto-confirm, WeChat calls that must eventually happen. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** At most one pending job per key (e.g. `expire:checkout:12`). */
    dedupeKey: text('dedupe_key').notNull().unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Set when the job gave up after its kind's last attempt (done_at is set too): listed for the manager with last_error. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null`), index('jobs_failed_idx').on(t.failedAt).where(sql`${t.failedAt} is not null`)],
)
