/**
 * The pay sandbox's in-process work: timers for the next notification attempt or refund step,
 * and the async work they (and the test hooks) start. Only the WHEN lives here; what is due is
 * in the store, so a timer lost with its process is found again by the next sweep (resume).
 *
 * - `schedule(key, ms, fn)`: one timer per key (a second one for the same key is ignored);
 * - `run(fn)`: async work counted as busy until it settles, whose promise the caller gets (and
 *   its failure with it); `background(fn)`: the same for work nobody awaits (a timer's, a
 *   delivery's): its failure goes to onError and rejects the next whenIdle()/whenSettled();
 * - `whenIdle()`: no timer pending and no work running; `whenSettled()`: no work running
 *   (timers may wait: a test playing time by hand);
 * - `close()`: clears the timers and waits for the running work (nothing is cancelled in the store).
 */
import type { Scheduler } from './pay-sandbox-types'

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

interface Waiter {
  timersToo: boolean
  resolve(): void
  reject(err: unknown): void
}

export class SandboxWork {
  private readonly scheduler: Scheduler
  private readonly timers = new Map<string, unknown>()
  private running = 0
  private waiters: Waiter[] = []
  private failure: unknown = null
  private closed = false

  constructor(scheduler: Scheduler | undefined, private readonly onError?: (err: unknown) => void) {
    this.scheduler = scheduler ?? realScheduler
  }

  get isClosed(): boolean {
    return this.closed
  }

  schedule(key: string, ms: number, fn: () => Promise<unknown>): void {
    if (this.closed || this.timers.has(key)) return
    const handle = this.scheduler.setTimeout(() => {
      if (this.timers.get(key) !== handle) return
      this.timers.delete(key)
      this.background(fn) // counted as running before anyone checks: never idle in between
      this.check()
    }, Math.max(0, ms))
    this.timers.set(key, handle)
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.running++
    const work = fn()
    work.then(
      () => this.done(),
      () => this.done(),
    )
    return work
  }

  background(fn: () => Promise<unknown>): void {
    this.running++
    fn()
      .catch((err: unknown) => {
        this.failure ??= err
        this.onError?.(err)
      })
      .finally(() => this.done())
  }

  whenIdle(): Promise<void> {
    return this.wait(true)
  }

  whenSettled(): Promise<void> {
    return this.wait(false)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const handle of this.timers.values()) this.scheduler.clearTimeout(handle)
    this.timers.clear()
    this.failure = null
    await this.wait(false).catch(() => undefined)
    this.failure = null
  }

  private wait(timersToo: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ timersToo, resolve, reject })
      this.check()
    })
  }

  private done(): void {
    this.running--
    this.check()
  }

  private check(): void {
    if (this.running > 0) return
    const ready = this.waiters.filter((w) => !w.timersToo || this.timers.size === 0)
    if (ready.length === 0) return
    this.waiters = this.waiters.filter((w) => !ready.includes(w))
    const failure = this.failure
    this.failure = null
    for (const w of ready) {
      if (failure === null) w.resolve()
      else w.reject(failure)
    }
  }
}
