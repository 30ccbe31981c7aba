/**
 * A member's household: the cooperative's list (numbers masked, today's status), the member's
 * page (the full number, audited), a status change that keeps the history, and the end of a
 * registration. "Today" is the China date of the clock. No HTTP here.
 */
import { chinaDate, chinaDayRange } from '@domain/china-time'
import { addDays } from '@domain/dates'
import { countsAsRegistered, firstStatusDay, maskRegistryNo, normalizeRegistryNo, REGISTRY_NO_PATTERN, type HouseholdStatus } from '@domain/households'
import type { EndHouseholdBodyDto, HouseholdDetailDto, HouseholdListDto, SetHouseholdBodyDto } from '@contracts/households'
import type { Db, Executor, Tx } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { AppError } from '../../http/errors'
import { ownFarmer, type CoopAdmin } from '../members'
import { endPeriod, householdList, insertPeriod, lockRegistryNo, numberHolder, periodsOf, replacePeriod, type PeriodRow } from './household-repository'
import { recordAudit } from './registry-audit'

const badDate = (message: string) => new AppError('INVALID_STATUS_DATE', message)

/** A real China date, not after today. */
function checkDay(day: string, today: string, what: string): void {
  if (chinaDayRange(day) === null) throw badDate(`${what} ${day} is not a date`)
  if (day > today) throw badDate(`${what} ${day} is after today (${today})`)
}

/** The 户编号 as stored (spaces and dashes dropped, capitals), or INVALID_REGISTRY_NO. */
export function registryNoOf(raw: string): string {
  const no = normalizeRegistryNo(raw)
  if (!REGISTRY_NO_PATTERN.test(no)) throw new AppError('INVALID_REGISTRY_NO', 'A registry number is 6–30 digits or capital letters')
  return no
}

export interface StatusChange {
  cooperativeId: number
  farmerId: number
  /** Already through registryNoOf. */
  registryNo: string
  headName: string
  status: HouseholdStatus
  since: string
  /** manual · import:<id> */
  source: string
  userId: number
  today: string
}

/**
 * Moves a member's household to `status` from `since`, in the caller's transaction: the open
 * period ends the day before (or, begun that same day, is overwritten), and a new one opens.
 * The same status, number, name and day as the open period changes nothing. Takes the number's
 * lock, then the farmer row (404 if not this cooperative's).
 */
export async function changeStatus(tx: Tx, c: StatusChange): Promise<{ changed: boolean; previous: HouseholdStatus | null }> {
  checkDay(c.since, c.today, 'since')
  await lockRegistryNo(tx, c.cooperativeId, c.registryNo)
  await ownFarmer(tx, c.cooperativeId, c.farmerId, true)
  const periods = await periodsOf(tx, c.farmerId)
  const open = periods.find((p) => p.endedOn === null) ?? null
  const first = firstStatusDay(periods)
  if (first !== null && c.since < first) {
    throw badDate(open ? `since ${c.since} is before the current status began (${open.startedOn})` : `since ${c.since} is not after the last registration ended (before ${first})`)
  }
  const holder = await numberHolder(tx, c.cooperativeId, c.registryNo, c.farmerId)
  if (holder) throw new AppError('REGISTRY_NO_TAKEN', `Registry number is already linked to member ${holder.farmerId}`)
  if (open && open.status === c.status && open.registryNo === c.registryNo && open.headName === c.headName && open.startedOn === c.since) {
    return { changed: false, previous: open.status }
  }
  const fields = { registryNo: c.registryNo, headName: c.headName, status: c.status, source: c.source, createdBy: c.userId }
  if (open && open.startedOn === c.since) {
    await replacePeriod(tx, open.id, fields)
  } else {
    if (open) await endPeriod(tx, open.id, addDays(c.since, -1))
    await insertPeriod(tx, { ...fields, cooperativeId: c.cooperativeId, farmerId: c.farmerId, startedOn: c.since })
  }
  return { changed: true, previous: open?.status ?? null }
}

const periodDto = (p: PeriodRow) => ({ id: p.id, status: p.status, startedOn: p.startedOn, endedOn: p.endedOn, source: p.source })

async function detailOf(db: Executor, cooperativeId: number, farmerId: number, today: string): Promise<HouseholdDetailDto> {
  const farmer = await ownFarmer(db, cooperativeId, farmerId)
  const periods = await periodsOf(db, farmerId)
  const current = periods.find((p) => p.startedOn <= today && (p.endedOn === null || p.endedOn >= today)) ?? null
  const numbered = periods.find((p) => p.registryNo !== null)
  return {
    farmerId: farmer.id,
    name: farmer.name,
    village: farmer.village,
    registryNo: numbered?.registryNo ?? null,
    headName: (numbered ?? periods[0])?.headName ?? '',
    current: current && periodDto(current),
    history: periods.map(periodDto),
  }
}

export function createHouseholdService({ db, clock }: { db: Db; clock: () => Date }) {
  const today = () => chinaDate(clock())

  return {
    async list(cooperativeId: number): Promise<HouseholdListDto> {
      const rows = await householdList(db, cooperativeId, today())
      const members = rows.map((r) => ({
        farmerId: r.farmerId,
        name: r.name,
        village: r.village,
        active: r.active,
        registryNoMasked: r.registryNo === null ? null : maskRegistryNo(r.registryNo),
        status: r.status,
        since: r.since,
        counts: countsAsRegistered(r.status),
      }))
      return { members, registeredToday: members.filter((m) => m.counts).length }
    },

    /** The member's page: the full number, written to the audit log when there is one. */
    async view(admin: CoopAdmin, farmerId: number): Promise<HouseholdDetailDto> {
      const detail = await detailOf(db, admin.cooperativeId, farmerId, today())
      if (detail.registryNo !== null) await recordAudit(db, { ...admin, action: 'view_number', farmerId, at: clock() })
      return detail
    },

    async set(admin: CoopAdmin, farmerId: number, body: SetHouseholdBodyDto): Promise<HouseholdDetailDto> {
      const registryNo = registryNoOf(body.registryNo)
      const headName = body.headName.trim()
      if (headName === '') throw new AppError('VALIDATION_FAILED', 'headName is blank')
      const day = today()
      return inTransaction(db, async (tx) => {
        const change = { ...admin, farmerId, registryNo, headName, status: body.status, since: body.since, source: 'manual', today: day }
        const { changed, previous } = await changeStatus(tx, change)
        if (changed) {
          const detail = { status: body.status, since: body.since, previous, registryNoMasked: maskRegistryNo(registryNo) }
          await recordAudit(tx, { ...admin, action: 'set_status', farmerId, detail, at: clock() })
        }
        return detailOf(tx, admin.cooperativeId, farmerId, day)
      })
    },

    async end(admin: CoopAdmin, farmerId: number, { endedOn }: EndHouseholdBodyDto): Promise<HouseholdDetailDto> {
      const day = today()
      return inTransaction(db, async (tx) => {
        await ownFarmer(tx, admin.cooperativeId, farmerId, true)
        const open = (await periodsOf(tx, farmerId)).find((p) => p.endedOn === null)
        if (!open) throw new AppError('HOUSEHOLD_NOT_ON_REGISTRY', 'This member’s household is not on the registry')
        checkDay(endedOn, day, 'endedOn')
        if (endedOn < open.startedOn) throw badDate(`endedOn ${endedOn} is before the status began (${open.startedOn})`)
        await endPeriod(tx, open.id, endedOn)
        await recordAudit(tx, { ...admin, action: 'end_status', farmerId, detail: { status: open.status, endedOn }, at: clock() })
        return detailOf(tx, admin.cooperativeId, farmerId, day)
      })
    },
  }
}

export type HouseholdService = ReturnType<typeof createHouseholdService>
