/**
 * The WeChat sandbox's state in the store (table `sandbox_records`, written only by
 * server/src/wechat/sandbox): one JSON document per (kind, id), so every server instance on one
 * database — and the same instance after a restart — plays the same WeChat. Nothing the sandbox
 * must remember lives in memory.
 *
 * - `get` / `list` (by kind, optionally by JSON containment) / `put` (upsert) / `remove`,
 *   `createIfAbsent` (the first writer wins, everyone reads back the same row: the merchant keys);
 * - `transaction(work)`: read-modify-write under row locks (`getForUpdate`). `create` inside it
 *   refuses a row that exists: the transaction then runs again and sees it (a concurrent
 *   instance created it first). `work` must only touch the store (it may run more than once).
 * - `defer(write)` lets a synchronous test hook (issue a login code, arm a switch) write in the
 *   background, and `deferTransaction(work)` queues a transaction the same way (the buyer paying
 *   in the cashier: its caller need not await it). Every later operation of THIS store object
 *   waits for what was deferred before it, so the same instance always sees it, in order;
 *   another instance sees it once `flushed()` (or the returned promise) resolved.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db, Executor } from '../../db/client'
import { sandboxRecords } from '../../db/schema'
import { inTransaction } from '../../db/transaction'

/** Every kind of record the sandbox keeps (the `kind` column). */
export const KIND = {
  keys: 'keys',
  payOrder: 'pay_order',
  prepay: 'pay_prepay',
  refund: 'refund',
  refusedRefund: 'refund_refused',
  delivery: 'pay_delivery',
  switch: 'switch',
  loginCode: 'login_code',
  loginRate: 'login_rate',
  accessToken: 'access_token',
  shipping: 'shipping',
  shippingUpload: 'shipping_upload',
  subscribeGrant: 'subscribe_grant',
  message: 'message',
} as const
export type SandboxKind = (typeof KIND)[keyof typeof KIND]

export interface SandboxRow<T> {
  id: string
  data: T
}

/** The operations, on the pool or inside one transaction. */
export interface SandboxOps {
  get<T extends object>(kind: SandboxKind, id: string): Promise<T | null>
  list<T extends object>(kind: SandboxKind, match?: Record<string, unknown>): Promise<SandboxRow<T>[]>
  put(kind: SandboxKind, id: string, data: object): Promise<void>
  remove(kind: SandboxKind, id: string): Promise<void>
  /** Deletes this kind's records written more than `maxAgeMs` ago (real time). */
  prune(kind: SandboxKind, maxAgeMs: number): Promise<void>
}

export interface SandboxTx extends SandboxOps {
  /** The row, locked until the transaction ends (FOR UPDATE). */
  getForUpdate<T extends object>(kind: SandboxKind, id: string): Promise<T | null>
  /** Inserts a new row; when it exists already, the whole transaction runs again. */
  create(kind: SandboxKind, id: string, data: object): Promise<void>
}

/** What a deferred write may do (without waiting for the deferred writes, itself included). */
export interface DeferredOps {
  put: SandboxOps['put']
  prune: SandboxOps['prune']
  update<T extends object>(kind: SandboxKind, id: string, change: (current: T | null) => T | null): Promise<void>
}

class RowExists extends Error {}
const CREATE_ROUNDS = 5

/** PostgreSQL text and jsonb cannot hold NUL: a NUL in an id or a string becomes U+FFFD (it came from a bad request). */
const noNul = (s: string) => s.replace(/\u0000/g, '\ufffd')
function storable(v: unknown): unknown {
  if (typeof v === 'string') return noNul(v)
  if (Array.isArray(v)) return v.map(storable)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [noNul(k), storable(x)]))
  return v
}

const byKey = (kind: string, id: string) => and(eq(sandboxRecords.kind, kind), eq(sandboxRecords.id, noNul(id)))

function ops(db: Executor): SandboxTx {
  const read = async <T>(kind: string, id: string, lock: boolean): Promise<T | null> => {
    const query = db.select({ data: sandboxRecords.data }).from(sandboxRecords).where(byKey(kind, id))
    const [row] = lock ? await query.for('update') : await query
    return row ? (row.data as T) : null
  }
  return {
    get: (kind, id) => read(kind, id, false),
    getForUpdate: (kind, id) => read(kind, id, true),
    async list<T>(kind: string, match?: Record<string, unknown>) {
      const where = match
        ? and(eq(sandboxRecords.kind, kind), sql`${sandboxRecords.data} @> ${JSON.stringify(storable(match))}::jsonb`)
        : eq(sandboxRecords.kind, kind)
      const rows = await db.select({ id: sandboxRecords.id, data: sandboxRecords.data }).from(sandboxRecords).where(where).orderBy(asc(sandboxRecords.createdAt), asc(sandboxRecords.id))
      return rows.map((r) => ({ id: r.id, data: r.data as T }))
    },
    async put(kind, id, data) {
      const value = storable(data) as Record<string, unknown>
      await db
        .insert(sandboxRecords)
        .values({ kind, id: noNul(id), data: value })
        .onConflictDoUpdate({ target: [sandboxRecords.kind, sandboxRecords.id], set: { data: value, updatedAt: sql`now()` } })
    },
    async remove(kind, id) {
      await db.delete(sandboxRecords).where(byKey(kind, id))
    },
    async prune(kind, maxAgeMs) {
      await db.delete(sandboxRecords).where(and(eq(sandboxRecords.kind, kind), sql`${sandboxRecords.updatedAt} < ${new Date(Date.now() - maxAgeMs).toISOString()}::timestamptz`))
    },
    async create(kind, id, data) {
      const inserted = await db
        .insert(sandboxRecords)
        .values({ kind, id: noNul(id), data: storable(data) as Record<string, unknown> })
        .onConflictDoNothing()
        .returning({ id: sandboxRecords.id })
      if (inserted.length === 0) throw new RowExists(`${kind}/${id} exists`)
    },
  }
}

export class SandboxStore implements SandboxOps {
  private readonly direct: SandboxTx
  private deferred: Promise<void> = Promise.resolve()
  private deferredFailure: unknown = null

  constructor(private readonly db: Db) {
    this.direct = ops(db)
  }

  async get<T extends object>(kind: SandboxKind, id: string): Promise<T | null> {
    await this.flushed()
    return this.direct.get<T>(kind, id)
  }

  async list<T extends object>(kind: SandboxKind, match?: Record<string, unknown>): Promise<SandboxRow<T>[]> {
    await this.flushed()
    return this.direct.list<T>(kind, match)
  }

  async put(kind: SandboxKind, id: string, data: object): Promise<void> {
    await this.flushed()
    await this.direct.put(kind, id, data)
  }

  async remove(kind: SandboxKind, id: string): Promise<void> {
    await this.flushed()
    await this.direct.remove(kind, id)
  }

  async prune(kind: SandboxKind, maxAgeMs: number): Promise<void> {
    await this.flushed()
    await this.direct.prune(kind, maxAgeMs)
  }

  /** Inserts unless (kind, id) exists; returns what is stored (the first writer's data). */
  async createIfAbsent<T extends object>(kind: SandboxKind, id: string, data: T): Promise<T> {
    await this.flushed()
    await this.direct.create(kind, id, data).catch((err: unknown) => {
      if (!(err instanceof RowExists)) throw err
    })
    return (await this.direct.get<T>(kind, id))!
  }

  async transaction<T>(work: (tx: SandboxTx) => Promise<T>): Promise<T> {
    await this.flushed()
    return this.run(work)
  }

  /** Reads one row under a lock and stores what `change` makes of it (null: leave it). */
  async update<T extends object, R>(kind: SandboxKind, id: string, change: (current: T | null) => { data: T | null; result: R }): Promise<R> {
    return this.transaction(async (tx) => {
      const current = await tx.getForUpdate<T>(kind, id)
      const { data, result } = change(current)
      if (data) await (current ? tx.put(kind, id, data) : tx.create(kind, id, data))
      return result
    })
  }

  /** Runs `write` after the writes deferred before it; later operations of this store wait for it. */
  defer(write: (store: DeferredOps) => Promise<unknown>): void {
    const direct: DeferredOps = {
      put: (kind, id, data) => this.direct.put(kind, id, data),
      prune: (kind, maxAgeMs) => this.direct.prune(kind, maxAgeMs),
      update: (kind, id, change) => this.updateDirect(kind, id, change),
    }
    this.deferred = this.deferred
      .then(() => write(direct))
      .then(
        () => undefined,
        (err: unknown) => {
          this.deferredFailure ??= err
        },
      )
  }

  /** Runs `work` as a transaction after what was deferred before; later operations of this store wait for it. Its failure is the caller's. */
  deferTransaction<T>(work: (tx: SandboxTx) => Promise<T>): Promise<T> {
    const result = this.deferred.then(() => this.run(work))
    this.deferred = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  /** Resolves once every deferred write is in the store; rethrows the first that failed (once). */
  async flushed(): Promise<void> {
    await this.deferred
    if (this.deferredFailure !== null) {
      const failure = this.deferredFailure
      this.deferredFailure = null
      throw failure
    }
  }

  /** `update` without waiting for deferred writes (a deferred write uses it, or it would wait for itself). */
  updateDirect<T extends object>(kind: SandboxKind, id: string, change: (current: T | null) => T | null): Promise<void> {
    return this.run(async (tx) => {
      const current = await tx.getForUpdate<T>(kind, id)
      const data = change(current)
      if (data) await (current ? tx.put(kind, id, data) : tx.create(kind, id, data))
    })
  }

  private async run<T>(work: (tx: SandboxTx) => Promise<T>): Promise<T> {
    for (let round = 1; ; round++) {
      try {
        return await inTransaction(this.db, (tx) => work(ops(tx)))
      } catch (err) {
        if (!(err instanceof RowExists) || round >= CREATE_ROUNDS) throw err
      }
    }
  }
}
