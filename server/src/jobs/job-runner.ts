/**
 * Runs due jobs: `runDue(now)` for a single sweep (tests call it with their own clock),
 * `start()` polls in the background for the server.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/client'
import { claimDue, complete, fail, isLastAttempt, type Job } from './job-queue'

/** What a handler knows of this run: whether a failure now ends the job failed (its kind's last attempt, job-policy.ts). */
export interface JobAttempt {
  lastAttempt: boolean
}

export type JobHandler = (payload: Record<string, unknown>, now: Date, attempt: JobAttempt) => Promise<void>

export interface JobRunnerOptions {
  db: Db
  handlers: Record<string, JobHandler>
  clock: () => Date
  log?: FastifyBaseLogger
  pollMs?: number
  batch?: number
}

export function createJobRunner({ db, handlers, clock, log, pollMs = 1000, batch = 20 }: JobRunnerOptions) {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null

  async function runOne(job: Job, now: Date): Promise<void> {
    const handler = handlers[job.kind]
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      await handler(job.payload, now, { lastAttempt: isLastAttempt(job) })
      await complete(db, job.id, clock())
    } catch (err) {
      const outcome = await fail(db, job, (err as Error)?.message ?? String(err), clock())
      if (outcome === 'failed') log?.error({ err, jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job failed for good after its last attempt')
      else log?.warn({ err, jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job failed; will retry')
    }
  }

  /** One sweep over every due job; returns how many ran. */
  async function runDue(now: Date = clock()): Promise<number> {
    let total = 0
    for (;;) {
      const due = await claimDue(db, now, batch)
      for (const job of due) await runOne(job, now)
      total += due.length
      if (due.length < batch) return total
    }
  }

  return {
    runDue,
    /** The job kinds this runner has handlers for. */
    kinds: (): string[] => Object.keys(handlers),
    start() {
      if (timer) return
      timer = setInterval(() => {
        if (running) return
        running = runDue().catch((err) => {
          log?.error({ err }, 'job sweep failed')
          return 0
        })
        running.finally(() => (running = null))
      }, pollMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await running
    },
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
