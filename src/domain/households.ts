/**
 * Registered households (建档立卡 / 防返贫监测): the statuses a member farmer's household can have
 * in the county's poverty-alleviation registry, which of them count as "income reaching a
 * registered household", and how a registry number is shown. Pure: no Taro, no Node.
 */

import { addDays } from './dates'

/** 在册 (on the register) · 已脱贫 (lifted out, off the register) · 监测户 (monitored against falling back). */
export const HOUSEHOLD_STATUSES = ['registered', 'lifted', 'monitored'] as const
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number]

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  registered: '在册',
  lifted: '已脱贫',
  monitored: '监测户',
}

/**
 * The statuses under which a sale counts as income reaching a registered household: on the
 * register, or monitored (the county still follows these households). A household lifted out
 * (已脱贫) has left the register: its sales from that day on do not count.
 */
export const COUNTING_STATUSES: readonly HouseholdStatus[] = ['registered', 'monitored']

export function countsAsRegistered(status: HouseholdStatus | null | undefined): boolean {
  return status != null && COUNTING_STATUSES.includes(status)
}

/** 户编号 as counties issue them: 6–30 digits or capital letters (spaces and dashes are dropped, full-width characters narrowed, by `normalizeRegistryNo`). */
export const REGISTRY_NO_PATTERN = /^[0-9A-Z]{6,30}$/

/** Full-width digits and letters (５２２４…, as typed with a Chinese keyboard) count as their ASCII twins. */
export function normalizeRegistryNo(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-－—]/g, '').toUpperCase()
}

/** `5224****0173`: the first four and the last four characters, the rest hidden (shorter numbers keep two at each end). */
export function maskRegistryNo(no: string): string {
  if (no.length <= 4) return '*'.repeat(no.length)
  const keep = no.length >= 12 ? 4 : 2
  return `${no.slice(0, keep)}${'*'.repeat(Math.max(4, no.length - 2 * keep))}${no.slice(-keep)}`
}

/** One period of a household's status: from `startedOn` through `endedOn` (China dates, both inclusive; null = still so). */
export interface StatusPeriod {
  status: HouseholdStatus
  startedOn: string
  endedOn: string | null
}

/**
 * The first day a new status may begin, or null when any day will do: the open period's start
 * (a change may not rewrite what came before it), else the day after the last period ended (the
 * history may not overlap). A day after today is never allowed either (the caller's check).
 */
export function firstStatusDay(periods: readonly { startedOn: string; endedOn: string | null }[]): string | null {
  const open = periods.find((p) => p.endedOn === null)
  if (open) return open.startedOn
  const lastEnd = periods.reduce<string | null>((max, p) => (p.endedOn !== null && (max === null || p.endedOn > max) ? p.endedOn : max), null)
  return lastEnd === null ? null : addDays(lastEnd, 1)
}

/** The household's status on a China date (`YYYY-MM-DD`), or null when it was not on the registry that day. */
export function statusOn(periods: readonly StatusPeriod[], day: string): HouseholdStatus | null {
  for (const p of periods) if (p.startedOn <= day && (p.endedOn === null || day <= p.endedOn)) return p.status
  return null
}

/** The fields of a county list's row, required ones (registryNo, headName) first. */
export const IMPORT_FIELDS = ['registryNo', 'headName', 'status', 'since', 'village'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['registryNo', 'headName']

/**
 * What matching a county list to the members finds, in the order the manager reads them:
 * match (number and head's name agree) · name_mismatch (number agrees, name differs) ·
 * duplicate (one number on several rows) · unknown_number (no member has it, none unlinked has
 * the name) · new_link (no member has it, exactly one unlinked member has the name: proposed) ·
 * not_on_list (a member's number the list lacks).
 */
export const FINDING_KINDS = ['match', 'name_mismatch', 'duplicate', 'unknown_number', 'new_link', 'not_on_list'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]
