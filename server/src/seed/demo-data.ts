/**
 * The demo catalogue as plain typed data (no database code): categories, cooperatives,
 * farmers, products with specs, and the demo personas the sandbox login offers.
 * `demoCatalog(today)` fills harvest windows relative to `today`, deterministically.
 */
import { ISO_DATE } from '@domain/dates'
import type { ProductStatus } from '@domain/products'
import type { Unit } from '@domain/units'
import type { FreightTemplateBodyDto } from '@contracts/freight'
import type { HouseholdStatus } from '@domain/households'
import { DEMO_COOPERATIVES, DEMO_FARMERS } from './demo-farmers'
import { DEMO_PRODUCTS } from './demo-products'


export interface DemoCategory {
  id: string
  name: string
  sortOrder: number
}

export interface DemoCooperative {
  key: string
  name: string
  county: string
  province: string
  /** The cooperative's commission on members' sales, in basis points. */
  commissionBps: number
  /** The cooperative's default freight template (运费模板) for every member, or null: they ship free. */
  freight: FreightTemplateBodyDto | null
}

export interface DemoFarmer {
  key: string
  /** Key of the farmer's cooperative. */
  cooperative: string
  name: string
  village: string
  story: string
  /** Media key: served as /media/<key>.jpg and /media/<key>.thumb.jpg. */
  photoKey: string
  /** The household's place on the county's poverty-alleviation register (private: never shown to buyers); the head of household is the farmer. */
  household?: { registryNo: string; status: HouseholdStatus; startedOn: string }
}

export interface DemoSpec {
  name: string
  priceFen: number
  unit: Unit
  netWeightG: number
  stock: number
}

/** A harvest window as day offsets from today. */
export type DemoSeason =
  | { kind: 'in_season'; startedDaysAgo: number; endsInDays: number }
  | { kind: 'pre_sale'; startsInDays: number; lengthDays: number }
  | { kind: 'ended'; endedDaysAgo: number; lengthDays: number }

export interface DemoProductTemplate {
  /** Key of the farmer selling it. */
  farmer: string
  categoryId: string
  title: string
  description: string
  origin: string
  /** Media keys, the first is the cover. */
  photos: readonly string[]
  season: DemoSeason
  status: ProductStatus
  specs: readonly DemoSpec[]
}

export interface DemoProduct {
  farmerIndex: number
  categoryId: string
  title: string
  description: string
  origin: string
  photos: string[]
  harvestStart: string
  harvestEnd: string
  /** Pre-sale: orders ship from this date; null when it ships now. */
  shipsFrom: string | null
  status: ProductStatus
  specs: DemoSpec[]
}

export interface DemoCatalog {
  categories: DemoCategory[]
  cooperatives: Array<Omit<DemoCooperative, 'key'>>
  farmers: Array<Omit<DemoFarmer, 'key' | 'cooperative'> & { cooperativeIndex: number }>
  products: DemoProduct[]
}

export interface DemoPersona {
  id: 'buyer' | 'farmer' | 'coop_admin'
  openid: string
  nickname: string
  label: string
  description: string
  /** The farmer row this persona is (index into `demoCatalog().farmers`). */
  farmerIndex?: number
  /** The cooperative this persona manages (index into `demoCatalog().cooperatives`). */
  cooperativeIndex?: number
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { id: 'fruit', name: '水果', sortOrder: 10 },
  { id: 'vegetables', name: '蔬菜', sortOrder: 20 },
  { id: 'grains', name: '杂粮', sortOrder: 30 },
  { id: 'spices', name: '辣椒调料', sortOrder: 40 },
  { id: 'tea', name: '茶叶', sortOrder: 50 },
  { id: 'nuts', name: '干货坚果', sortOrder: 60 },
  { id: 'honey', name: '蜂蜜', sortOrder: 70 },
]

function farmerIndex(key: string): number {
  const i = DEMO_FARMERS.findIndex((f) => f.key === key)
  if (i < 0) throw new Error(`demo data: unknown farmer "${key}"`)
  return i
}

function cooperativeIndex(key: string): number {
  const i = DEMO_COOPERATIVES.findIndex((c) => c.key === key)
  if (i < 0) throw new Error(`demo data: unknown cooperative "${key}"`)
  return i
}

/** The farmer persona is the first Weining apple farmer. */
const APPLE_FARMER = DEMO_FARMERS[farmerIndex('zhang-guohua')]!

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    id: 'buyer',
    openid: 'demo-buyer-openid',
    nickname: '城市买家·小林',
    label: '买家',
    description: '在贵阳买农产品的城市买家',
  },
  {
    id: 'farmer',
    openid: 'demo-farmer-openid',
    nickname: APPLE_FARMER.name,
    label: '农户',
    description: '威宁苹果种植户',
    farmerIndex: farmerIndex(APPLE_FARMER.key),
  },
  {
    id: 'coop_admin',
    openid: 'demo-coop-openid',
    nickname: '合作社管理员·王主任',
    label: '合作社',
    description: '威宁合作社负责人',
    cooperativeIndex: cooperativeIndex('weining'),
  },
]

/** `day` plus `n` calendar days (n may be negative), both YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`)
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10)
}

function harvestWindow(today: string, season: DemoSeason): Pick<DemoProduct, 'harvestStart' | 'harvestEnd' | 'shipsFrom'> {
  switch (season.kind) {
    case 'in_season':
      return { harvestStart: addDays(today, -season.startedDaysAgo), harvestEnd: addDays(today, season.endsInDays), shipsFrom: null }
    case 'pre_sale': {
      const start = addDays(today, season.startsInDays)
      return { harvestStart: start, harvestEnd: addDays(start, season.lengthDays), shipsFrom: start }
    }
    case 'ended': {
      const end = addDays(today, -season.endedDaysAgo)
      return { harvestStart: addDays(end, -season.lengthDays), harvestEnd: end, shipsFrom: null }
    }
  }
}

/** Every media key the demo data refers to (product photos and farmer portraits). */
export function demoPhotoKeys(): { products: string[]; farmers: string[] } {
  return {
    products: [...new Set(DEMO_PRODUCTS.flatMap((p) => p.photos))],
    farmers: DEMO_FARMERS.map((f) => f.photoKey),
  }
}

/**
 * The demo catalogue with harvest windows placed around `today` (a China date, YYYY-MM-DD):
 * most products are in season, a few are pre-sale (window ahead, ships from its start)
 * and one has finished for the year. Same `today`, same result.
 */
export function demoCatalog(today: string): DemoCatalog {
  const t = Date.parse(`${today}T00:00:00Z`)
  if (!ISO_DATE.test(today) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== today) {
    throw new RangeError(`today must be a date like 2026-09-01, got "${today}"`)
  }
  return {
    categories: DEMO_CATEGORIES.map((c) => ({ ...c })),
    cooperatives: DEMO_COOPERATIVES.map(({ key: _key, ...c }) => ({ ...c })),
    farmers: DEMO_FARMERS.map(({ key: _key, cooperative, ...f }) => ({ ...f, cooperativeIndex: cooperativeIndex(cooperative) })),
    products: DEMO_PRODUCTS.map(({ farmer, season, photos, specs, ...p }) => ({
      ...p,
      farmerIndex: farmerIndex(farmer),
      photos: [...photos],
      specs: specs.map((s) => ({ ...s })),
      ...harvestWindow(today, season),
    })),
  }
}
