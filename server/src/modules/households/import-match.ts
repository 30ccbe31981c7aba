/**
 * Matching a county list to the cooperative's members, pure: the rows under a column mapping,
 * the members with their household periods, and today's China date in; per-row errors (Chinese),
 * findings (FINDING_KINDS) and the period changes a confirmation would write out. Matching is by
 * registry number; a number nobody holds is linked to the one active member without a number
 * whose name is the head's; duplicates and name mismatches propose no change (the manager fixes
 * the list or the member's page).
 */
import crypto from 'node:crypto'
import { HOUSEHOLD_STATUS_LABELS, maskRegistryNo, type HouseholdStatus } from '@domain/households'
import type { ImportFindingDto, ImportMappingDto, ProposedChangeDto } from '@contracts/households'
import { compact, sameName } from './import-mapping'
import { validateRows, type ListRow } from './import-rows'

export interface OpenPeriod {
  status: HouseholdStatus
  startedOn: string
  registryNo: string | null
  headName: string
}

/** A member as matching sees it. */
export interface MemberHousehold {
  farmerId: number
  name: string
  village: string
  active: boolean
  /** The newest registry number on record (any period), or null. */
  registryNo: string | null
  /** The head's name recorded with that number (or with the open period), '' when none. */
  headName: string
  open: OpenPeriod | null
  /** The last day of the newest closed period, when there is no open one to follow. */
  lastEndedOn: string | null
}

export interface PlannedChange {
  farmerId: number
  farmerName: string
  row: number
  /** The open period the change ends (or overwrites, when it began on `to.since`). */
  from: { status: HouseholdStatus; registryNo: string | null; startedOn: string } | null
  to: { status: HouseholdStatus; since: string; registryNo: string; headName: string }
}

export interface MatchInput {
  header: readonly string[]
  rows: readonly (readonly string[])[]
  mapping: ImportMappingDto
  members: readonly MemberHousehold[]
  /** China date: a row without a date takes it; no row may be dated after it. */
  today: string
}

export interface MatchResult {
  rowErrors: { row: number; message: string }[]
  findings: ImportFindingDto[]
  changes: PlannedChange[]
}

const label = (s: HouseholdStatus) => HOUSEHOLD_STATUS_LABELS[s]

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/**
 * The change that gives `member` the row's status and number: from the row's date, but never
 * before the open period began (then the open period is overwritten) nor inside a closed one.
 */
function planChange(member: MemberHousehold, row: ListRow, today: string): PlannedChange | null {
  const floor = member.open ? member.open.startedOn : member.lastEndedOn ? dayAfter(member.lastEndedOn) : null
  const wanted = row.since ?? today
  const since = floor !== null && floor > wanted ? floor : wanted
  // A registration that ended today can open again tomorrow at the earliest.
  if (since > today) return null
  return {
    farmerId: member.farmerId,
    farmerName: member.name,
    row: row.row,
    from: member.open ? { status: member.open.status, registryNo: member.open.registryNo, startedOn: member.open.startedOn } : null,
    to: { status: row.status, since, registryNo: row.registryNo, headName: row.name },
  }
}

function changeNote(change: PlannedChange | null, row: ListRow): string {
  if (!change) return '，但这户今天才结束登记，明天起才能按名单重新登记'
  const later = row.since !== null && change.to.since !== row.since ? `（现有记录自${change.to.since}起，不早于此）` : ''
  return `，确认后改为“${label(change.to.status)}”，${change.to.since}起${later}`
}

export function matchList({ header, rows, mapping, members, today }: MatchInput): MatchResult {
  const { valid, rowErrors, numbersOnList } = validateRows(header, rows, mapping, today)
  const findings: ImportFindingDto[] = []
  const changes: PlannedChange[] = []
  const finding = (f: Omit<ImportFindingDto, 'message'>, message: string) => findings.push({ ...f, message: f.row === null ? message : `第${f.row}行：${message}` })

  const byNumber = new Map<string, ListRow[]>()
  for (const r of valid) byNumber.set(r.registryNo, [...(byNumber.get(r.registryNo) ?? []), r])
  const holder = new Map<string, MemberHousehold>()
  for (const m of members) if (m.registryNo !== null && !holder.has(m.registryNo)) holder.set(m.registryNo, m)

  const links = new Map<number, ListRow[]>()
  const unknown: { row: ListRow; namesakes: number }[] = []
  for (const [no, list] of byNumber) {
    const first = list[0]
    const member = holder.get(no) ?? null
    const base = { row: first.row, registryNoMasked: maskRegistryNo(no), listName: first.name, farmerId: member?.farmerId ?? null, farmerName: member?.name ?? null }
    if (list.length > 1) {
      finding({ kind: 'duplicate', ...base }, `户编号在第${list.map((r) => r.row).join('、')}行重复出现，请先改好名单`)
    } else if (member && !sameName(first.name, member.name) && !sameName(first.name, member.headName)) {
      finding({ kind: 'name_mismatch', ...base }, `户编号登记在社员${member.name}名下，但名单上的户主是“${first.name}”，请核对名单或社员资料`)
    } else if (member) {
      const differs = !member.open || member.open.status !== first.status || member.open.registryNo !== no
      const change = differs ? planChange(member, first, today) : null
      if (change) changes.push(change)
      finding({ kind: 'match', ...base }, `与社员${member.name}一致${differs ? changeNote(change, first) : '，无需改动'}`)
    } else {
      const namesakes = members.filter((m) => m.active && m.registryNo === null && (sameName(first.name, m.name) || sameName(first.name, m.headName)))
      const near = first.village && namesakes.length > 1 ? namesakes.filter((m) => compact(m.village).includes(first.village) || first.village.includes(compact(m.village))) : namesakes
      if (near.length === 1) links.set(near[0].farmerId, [...(links.get(near[0].farmerId) ?? []), first])
      else unknown.push({ row: first, namesakes: near.length })
    }
  }

  for (const [farmerId, list] of links) {
    const member = members.find((m) => m.farmerId === farmerId)!
    if (list.length > 1) {
      for (const row of list) unknown.push({ row, namesakes: -list.length })
      continue
    }
    const row = list[0]
    const change = planChange(member, row, today)
    if (change) changes.push(change)
    const base = { row: row.row, registryNoMasked: maskRegistryNo(row.registryNo), listName: row.name, farmerId, farmerName: member.name }
    finding({ kind: 'new_link', ...base }, `社员${member.name}还没有登记户编号，与户主同名，将关联这个户编号${changeNote(change, row)}`)
  }

  for (const { row, namesakes } of unknown) {
    const why =
      namesakes < 0
        ? `名单上有${-namesakes}户的户主都叫“${row.name}”，无法自动关联，请到社员页手动登记`
        : namesakes > 1
          ? `没有社员登记这个户编号；有${namesakes}位社员叫“${row.name}”，请到社员页手动登记`
          : '没有社员登记这个户编号，也没有同名的未登记社员'
    finding({ kind: 'unknown_number', row: row.row, registryNoMasked: maskRegistryNo(row.registryNo), listName: row.name, farmerId: null, farmerName: null }, why)
  }

  for (const m of members) {
    const no = m.open?.registryNo
    if (!m.active || !no || numbersOnList.has(no)) continue
    finding({ kind: 'not_on_list', row: null, registryNoMasked: maskRegistryNo(no), listName: null, farmerId: m.farmerId, farmerName: m.name }, `社员${m.name}登记了户编号，但名单上没有这一户`)
  }

  findings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity) || (a.farmerId ?? 0) - (b.farmerId ?? 0))
  changes.sort((a, b) => a.farmerId - b.farmerId)
  return { rowErrors, findings, changes }
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/** sha256 (hex) of the changes' canonical JSON: what the manager saw is what a confirmation writes. */
export function changesDigest(changes: readonly PlannedChange[]): string {
  return crypto.createHash('sha256').update(canonicalJson(changes)).digest('hex')
}

/** A change as the manager sees it: numbers masked. */
export function changeDto(c: PlannedChange): ProposedChangeDto {
  return {
    farmerId: c.farmerId,
    farmerName: c.farmerName,
    row: c.row,
    from: c.from ? { status: c.from.status, registryNoMasked: c.from.registryNo ? maskRegistryNo(c.from.registryNo) : null } : null,
    to: { status: c.to.status, since: c.to.since, registryNoMasked: maskRegistryNo(c.to.registryNo), headName: c.to.headName },
  }
}
