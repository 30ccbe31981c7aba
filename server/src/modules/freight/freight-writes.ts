/**
 * Saving a template: the body as sent → checked values with full province names (400 for what
 * JSON Schema cannot say), written in the caller's transaction. Also a farmer's flat fee as a
 * one-zone template (what the old per-farmer rule was: the same fee for any weight anywhere).
 */
import { validateTemplate } from '@domain/freight'
import type { FreightTemplateBodyDto, FreightTemplateDto } from '@contracts/freight'
import type { Executor } from '../../db/client'
import { AppError } from '../../http/errors'
import { cooperativesOf, replaceTemplate, type TemplateOwner, type TemplateValues } from './freight-repository'

/** The body trimmed and checked: exactly one fallback zone, each province known and in one place only. */
export function checkTemplate(body: FreightTemplateBodyDto): TemplateValues {
  const name = body.name.trim()
  if (name === '') throw new AppError('VALIDATION_FAILED', 'name must not be blank')
  const checked = validateTemplate(body)
  if (!checked.ok) throw new AppError('INVALID_FREIGHT_TEMPLATE', checked.reason)
  return { name, basis: body.basis, zones: checked.zones, freeFromFen: body.freeFromFen, notServed: checked.notServed, shipsFrom: body.shipsFrom.trim() }
}

/** Checks and writes the owner's template, replacing their earlier one; pass the caller's transaction. */
export async function saveTemplate(db: Executor, owner: TemplateOwner, body: FreightTemplateBodyDto, now = new Date()): Promise<FreightTemplateDto> {
  return replaceTemplate(db, owner, checkTemplate(body), now)
}

export interface FlatFreight {
  farmerId: number
  feeFen: number
  /** Items total (fen) from which the parcel ships free; null: never free. */
  freeFromFen: number | null
}

/** The template of a flat fee: the first 1000 g for the fee, each further 1000 g for nothing, anywhere. */
export function flatTemplate(feeFen: number, freeFromFen: number | null): FreightTemplateBodyDto {
  return {
    name: '统一运费',
    basis: 'weight',
    zones: [{ provinces: [], firstUnits: 1000, firstFeeFen: feeFen, stepUnits: 1000, stepFeeFen: 0 }],
    freeFromFen,
    notServed: [],
    shipsFrom: '',
  }
}

/** Gives each farmer their own flat-fee template (replacing any they had); pass the caller's transaction. */
export async function setFlatFreight(db: Executor, rows: readonly FlatFreight[], now = new Date()): Promise<void> {
  const coopOf = await cooperativesOf(db, rows.map((r) => r.farmerId))
  for (const r of rows) {
    const cooperativeId = coopOf.get(r.farmerId)
    if (cooperativeId === undefined) throw new Error(`no farmer ${r.farmerId}`)
    await saveTemplate(db, { cooperativeId, farmerId: r.farmerId }, flatTemplate(r.feeFen, r.freeFromFen), now)
  }
}
