/**
 * Durable jobs in the database: they survive a restart, and several server instances can
 * run them side by side (a due job is claimed with FOR UPDATE SKIP LOCKED and leased).
 * A job that keeps failing is retried with backoff until its kind's last attempt
 * (job-policy.ts), then ends failed: done_at and failed_at set, last_error kept.
 * This file is the only writer of `jobs`.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db, Executor } from '../db/client'
import { jobs } from '../db/schema'
import { maxAttemptsOf } from './job-policy'

export interface NewJob {
  kind: string
  /** At most one job ever per key, so enqueueing twice is harmless. */
  dedupeKey: string
  payload: Record<string, unknown>
  runAt: Date
}

export type Job = typeof jobs.$inferSelect

const LEASE_MS = 60_000
const MAX_BACKOFF_MS = 60 * 60_000

/** The insert `enqueue` sends, for a caller that folds it into a statement of its own. */
export function enqueueStatement(db: Executor, job: NewJob) {
  return db.insert(jobs).values(job).onConflictDoNothing({ target: jobs.dedupeKey })
}

export async function enqueue(db: Executor, job: NewJob): Promise<void> {
  await enqueueStatement(db, job)
}

/** Claims up to `limit` due jobs, leasing them for a minute. */
export async function claimDue(db: Db, now: Date, limit: number): Promise<Job[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  const result = await db.execute(sql`
    update ${jobs} set locked_until = ${leaseUntil.toISOString()}, attempts = attempts + 1
    where id in (
      select id from ${jobs}
      where done_at is null and run_at <= ${now.toISOString()}
        and (locked_until is null or locked_until < ${now.toISOString()})
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id`)
  const ids = (result as unknown as { rows: { id: string | number }[] }).rows.map((r) => Number(r.id))
  if (ids.length === 0) return []
  return db.select().from(jobs).where(sql`${jobs.id} in ${ids}`).orderBy(jobs.runAt, jobs.id)
}

export async function complete(db: Db, id: number, now: Date): Promise<void> {
  await db.update(jobs).set({ doneAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, id))
}

/** Exponential backoff from 5 s up to an hour between attempts. */
/** True when this run (attempts counts it) is the kind's last (job-policy.ts). */
export const isLastAttempt = (job: Pick<Job, 'kind' | 'attempts'>): boolean => job.attempts >= maxAttemptsOf(job.kind)

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1))
}

/**
 * Records a failed attempt (`job.attempts` counts it: claimDue added it): retried after the
 * backoff, or — that was the kind's last attempt — failed for good. Says which.
 */
/** This run of `job` failed: on its kind's last attempt (`isLastAttempt`) it ends failed, else it is retried after a backoff. */
export async function fail(db: Db, job: Job, error: string, now: Date): Promise<'retry' | 'failed'> {
  const lastError = error.slice(0, 1000)
  if (isLastAttempt(job)) {
    await db.update(jobs).set({ doneAt: now, failedAt: now, lockedUntil: null, lastError }).where(eq(jobs.id, job.id))
    return 'failed'
  }
  await db
    .update(jobs)
    .set({ runAt: new Date(now.getTime() + backoffMs(job.attempts)), lockedUntil: null, lastError })
    .where(eq(jobs.id, job.id))
  return 'retry'
}
