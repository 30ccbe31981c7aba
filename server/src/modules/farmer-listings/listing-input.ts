/** A listing as the farmer sent it → trimmed, defaulted and checked values (400 for what JSON Schema cannot say). */
import type { ListingDto, ListingInputDto } from '@contracts/farmer-listings'
import { AppError } from '../../http/errors'
import type { Unit } from '@domain/units'
import { photoUrls } from '../media'
import type { ProductRow, SpecRow } from './listing-repository'

const DAY_MS = 86_400_000
const MAX_WINDOW_DAYS = 366

export interface CleanSpec {
  id?: number
  name: string
  priceFen: number
  unit: Unit
  netWeightG: number
  /** The parcel's weight per unit for freight; null: the net weight; absent (update): unchanged. */
  parcelWeightG?: number | null
  stock: number
  /** The stock the farmer's form started from (on update): the change is applied, not the figure. */
  stockWas?: number
}

export interface CleanListing {
  title: string
  description: string
  categoryId: string
  origin: string
  photos: string[]
  harvestStart: string
  harvestEnd: string
  shipsFrom: string | null
  specs: CleanSpec[]
}

const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS

function required(value: string, field: string): string {
  const v = value.trim()
  if (v === '') throw new AppError('VALIDATION_FAILED', `${field} must not be blank`)
  return v
}

/** A parcel weighs at least what it holds. */
function parcelWeight(grams: number | null, netWeightG: number, i: number): number | null {
  if (grams !== null && grams < netWeightG) throw new AppError('VALIDATION_FAILED', `specs/${i}/parcelWeightG must not be below netWeightG`)
  return grams
}

export function cleanListing(input: ListingInputDto, farmerVillage: string): CleanListing {
  const specs = input.specs.map((s, i) => ({
    ...(s.id === undefined ? {} : { id: s.id }),
    name: required(s.name, `specs/${i}/name`),
    priceFen: s.priceFen,
    unit: s.unit ?? '斤',
    netWeightG: s.netWeightG,
    ...(s.parcelWeightG === undefined ? {} : { parcelWeightG: parcelWeight(s.parcelWeightG, s.netWeightG, i) }),
    stock: s.stock,
    ...(s.id === undefined || s.stockWas === undefined ? {} : { stockWas: s.stockWas }),
  }))
  if (new Set(specs.map((s) => s.name)).size !== specs.length) throw new AppError('DUPLICATE_SPEC_NAME', 'Two specs have the same name')
  const ids = specs.flatMap((s) => (s.id === undefined ? [] : [s.id]))
  if (new Set(ids).size !== ids.length) throw new AppError('DUPLICATE_SPEC_ID', 'A spec id appears twice')

  const { harvestStart, harvestEnd } = input
  const shipsFrom = input.shipsFrom ?? null
  if (harvestEnd < harvestStart) throw new AppError('INVALID_HARVEST_WINDOW', 'harvestEnd is before harvestStart')
  if (days(harvestEnd) - days(harvestStart) > MAX_WINDOW_DAYS) throw new AppError('INVALID_HARVEST_WINDOW', 'The harvest window is longer than a year')
  if (shipsFrom !== null && (shipsFrom < harvestStart || shipsFrom > harvestEnd)) {
    throw new AppError('INVALID_SHIPS_FROM', 'shipsFrom must fall inside the harvest window')
  }
  const origin = input.origin?.trim() || farmerVillage
  return {
    title: required(input.title, 'title'),
    description: (input.description ?? '').trim(),
    categoryId: input.categoryId,
    origin,
    photos: [...new Set(input.photos)],
    harvestStart,
    harvestEnd,
    shipsFrom,
    specs,
  }
}

/** Every text a buyer would read: what goes through the content check. */
export function listingTexts(l: { title: string; description: string; specs: { name: string }[] }): string[] {
  return [l.title, l.description, ...l.specs.map((s) => s.name)]
}

/** Whether the texts differ from what was already checked (same texts need no new check). */
export function textsChanged(before: ProductRow, beforeSpecs: SpecRow[], after: CleanListing): boolean {
  const key = (texts: string[]) => JSON.stringify([texts[0], texts[1], texts.slice(2).sort()])
  return key(listingTexts({ ...before, specs: beforeSpecs })) !== key(listingTexts(after))
}

export function toListingDto(row: ProductRow, specs: SpecRow[], hasOrders: boolean): ListingDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    categoryId: row.categoryId,
    origin: row.origin,
    photos: row.photos.map((key) => ({ key, ...photoUrls(key) })),
    harvestStart: row.harvestStart,
    harvestEnd: row.harvestEnd,
    shipsFrom: row.shipsFrom,
    status: row.status,
    reviewStatus: row.reviewStatus,
    reviewNote: row.reviewNote,
    hasOrders,
    specs: specs.map((s) => ({ id: s.id, name: s.name, priceFen: s.priceFen, unit: s.unit, netWeightG: s.netWeightG, parcelWeightG: s.parcelWeightG, stock: s.stock })),
    updatedAt: row.updatedAt.toISOString(),
  }
}
