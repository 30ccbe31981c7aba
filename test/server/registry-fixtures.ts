/**
 * Shared by the registry report and export tests: a cooperative whose member 张国华 was on the
 * register (在册, 户主 张大山) from 1 October through 15 November 2026 and lifted out (已脱贫) from
 * the 16th, and 李秀英 on the register throughout (the old flag, no number). Orders are paid
 * through the sandbox on chosen days by moving the test clock; refunds go through the ledger.
 * All times below are UTC; China is eight hours ahead.
 *
 *   2026-10-30  李 洋芋 ×4   1400 (+600 shipping)             counted (October)
 *   2026-11-05  refund of that order 700, borne by 李           counted in November: its sale counted
 *   2026-11-10  张 苹果 ×2   5980  (order A)                   counted
 *   2026-11-12  李 洋芋 ×10  3500 (+600 shipping)              counted
 *   2026-11-15 23:30 China  张 苹果 ×1  2990 (order B)         counted: his last day on the register
 *   2026-11-16 00:30 China  张 苹果 ×1  2990 (order C)         not counted: lifted out
 *   2026-11-20  refund of A 1000, borne by 张                  counted (A was sold while registered)
 *   2026-11-20  refund of C 2990, borne by 张                  not counted (C was not)
 *   2026-11-25  refund of 李's 11-12 order 500, borne by the cooperative: never the household's
 */
import { eq } from 'drizzle-orm'
import { users } from '../../server/src/db/schema'
import { insertHouseholdPeriods } from '../../server/src/modules/households'
import { startTestApp, type TestApp } from '../support/app'
import { addBuyer } from '../support/order-builders'
import { buyAndPay, coopFixture, refundThroughLedger } from './coop-support'

export const ZHANG_NO = '522427199001010011'

export interface RegistryScenario {
  t: TestApp
  fx: Awaited<ReturnType<typeof coopFixture>>
  setNow(at: Date): void
  managerName: string
  close(): Promise<void>
}

export async function registryScenario(): Promise<RegistryScenario> {
  let now = new Date('2026-10-30T02:00:00Z')
  // the manager signs in on 30 October and reports in December: sessions last longer than the 30-day default
  const t = await startTestApp({ SESSION_TTL_DAYS: '365' }, { clock: () => now })
  const fx = await coopFixture(t)
  const managerName = '王主任'
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: fx.manager })
  await t.store.db.update(users).set({ nickname: managerName }).where(eq(users.id, me.json().id))
  await insertHouseholdPeriods(t.store.db, [
    { cooperativeId: fx.coop.id, farmerId: fx.zhang.id, registryNo: ZHANG_NO, headName: '张大山', status: 'registered', startedOn: '2026-10-01', endedOn: '2026-11-15', source: 'test' },
    { cooperativeId: fx.coop.id, farmerId: fx.zhang.id, registryNo: ZHANG_NO, headName: '张大山', status: 'lifted', startedOn: '2026-11-16', source: 'test' },
  ])
  const buyer = await addBuyer(t)
  const buy = async (at: string, specId: number, quantity: number) => {
    now = new Date(at)
    return (await buyAndPay(t, buyer, [{ specId, quantity }])).orders[0].id
  }
  const refund = async (at: string, orderId: number, amountFen: number, borneBy: 'farmer' | 'cooperative' = 'farmer') => {
    now = new Date(at)
    await refundThroughLedger(t, orderId, { kind: 'after_sale', amountFen, borneBy }, now)
  }

  const liOctober = await buy('2026-10-30T02:00:00Z', fx.potatoSpec, 4)
  await refund('2026-11-05T02:00:00Z', liOctober, 700)
  const orderA = await buy('2026-11-10T02:00:00Z', fx.appleSpec, 2)
  const liNovember = await buy('2026-11-12T02:00:00Z', fx.potatoSpec, 10)
  await buy('2026-11-15T15:30:00Z', fx.appleSpec, 1)
  const orderC = await buy('2026-11-15T16:30:00Z', fx.appleSpec, 1)
  await refund('2026-11-20T02:00:00Z', orderA, 1000)
  await refund('2026-11-20T02:05:00Z', orderC, 2990)
  await refund('2026-11-25T02:00:00Z', liNovember, 500, 'cooperative')
  now = new Date('2026-12-02T02:00:00Z') // Wednesday 2 December, 10:00 in China
  return { t, fx, setNow: (at) => (now = at), managerName, close: () => t.close() }
}
