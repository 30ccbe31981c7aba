/**
 * The transaction helper: PostgreSQL may abort a transaction that did nothing wrong (a deadlock
 * victim, a serialization failure); inTransaction runs it again, a bounded number of times, and
 * passes every other error straight through. A stand-in for the database plays the aborts.
 */
import type { Db } from '../../server/src/db/client'
import { inTransaction, TRANSACTION_ATTEMPTS } from '../../server/src/db/transaction'

/** A database whose transactions fail with these errors, in turn, then succeed. */
function dbFailingWith(...errors: unknown[]): { db: Db; attempts: () => number } {
  let attempts = 0
  const db = {
    async transaction<T>(work: (tx: unknown) => Promise<T>): Promise<T> {
      const error = errors[attempts++]
      if (error !== undefined) throw error
      return work({})
    },
  }
  return { db: db as unknown as Db, attempts: () => attempts }
}

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code })
/** How drizzle surfaces a driver error: wrapped, with the driver's error as its cause. */
const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: pgError(code) })

describe('inTransaction', () => {
  it('when PostgreSQL picks the transaction as a deadlock victim, runs it again and returns its result', async () => {
    const { db, attempts } = dbFailingWith(pgError('40P01'))
    await expect(inTransaction(db, async () => 'placed')).resolves.toBe('placed')
    expect(attempts()).toBe(2)
  })

  it('retries a serialization failure surfaced by drizzle as the cause of its own error', async () => {
    const { db, attempts } = dbFailingWith(wrapped('40001'), wrapped('40P01'))
    await expect(inTransaction(db, async () => 42)).resolves.toBe(42)
    expect(attempts()).toBe(3)
  })

  it('passes any other error straight through, after one attempt', async () => {
    const unique = pgError('23505')
    const { db, attempts } = dbFailingWith(unique)
    await expect(inTransaction(db, async () => 'never')).rejects.toBe(unique)
    expect(attempts()).toBe(1)
  })

  it(`gives up after ${TRANSACTION_ATTEMPTS} aborts in a row and throws the last one`, async () => {
    const aborts = Array.from({ length: TRANSACTION_ATTEMPTS }, () => pgError('40P01'))
    const { db, attempts } = dbFailingWith(...aborts)
    await expect(inTransaction(db, async () => 'never')).rejects.toBe(aborts[TRANSACTION_ATTEMPTS - 1])
    expect(attempts()).toBe(TRANSACTION_ATTEMPTS)
  })
})
