/** SQL for freight templates and their zones (the tables freight owns); reads farmers' cooperative_id (members). */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { FreightZoneRule } from '@domain/freight'
import type { FreightTemplateDto } from '@contracts/freight'
import type { Executor } from '../../db/client'
import { farmers, freightTemplates, freightZones } from '../../db/schema'

type TemplateRow = typeof freightTemplates.$inferSelect

/** Whose template: a cooperative's default (farmerId null) or one farmer's own. */
export interface TemplateOwner {
  cooperativeId: number
  farmerId: number | null
}

/** A template as it is stored, checked and with full province names. */
export interface TemplateValues {
  name: string
  basis: FreightTemplateDto['basis']
  zones: readonly FreightZoneRule[]
  freeFromFen: number | null
  notServed: readonly string[]
  shipsFrom: string
}

async function withZones(db: Executor, rows: TemplateRow[]): Promise<Map<number, FreightTemplateDto>> {
  if (rows.length === 0) return new Map()
  const zones = await db
    .select()
    .from(freightZones)
    .where(inArray(freightZones.templateId, rows.map((r) => r.id)))
    .orderBy(asc(freightZones.templateId), asc(freightZones.sortOrder), asc(freightZones.id))
  return new Map(
    rows.map((t) => [
      t.id,
      {
        id: t.id,
        farmerId: t.farmerId,
        name: t.name,
        basis: t.basis,
        zones: zones
          .filter((z) => z.templateId === t.id)
          .map((z) => ({ provinces: z.provinces, firstUnits: z.firstUnits, firstFeeFen: z.firstFeeFen, stepUnits: z.stepUnits, stepFeeFen: z.stepFeeFen })),
        freeFromFen: t.freeFromFen,
        notServed: t.notServed,
        shipsFrom: t.shipsFrom,
        updatedAt: t.updatedAt.toISOString(),
      },
    ]),
  )
}

/** The template that prices each farmer's parcels: their own, else their cooperative's default; a farmer with neither is absent. */
export async function templatesForFarmers(db: Executor, farmerIds: readonly number[]): Promise<Map<number, FreightTemplateDto>> {
  if (farmerIds.length === 0) return new Map()
  const rows = await db
    .select({ forFarmer: farmers.id, template: freightTemplates })
    .from(farmers)
    .innerJoin(
      freightTemplates,
      and(eq(freightTemplates.cooperativeId, farmers.cooperativeId), sql`(${freightTemplates.farmerId} = ${farmers.id} or ${freightTemplates.farmerId} is null)`),
    )
    .where(inArray(farmers.id, [...farmerIds]))
    // a farmer's own template first
    .orderBy(asc(farmers.id), sql`${freightTemplates.farmerId} is null`)
  const chosen = new Map<number, TemplateRow>()
  for (const r of rows) if (!chosen.has(r.forFarmer)) chosen.set(r.forFarmer, r.template)
  const templates = await withZones(db, [...new Map([...chosen.values()].map((t) => [t.id, t])).values()])
  return new Map([...chosen].map(([farmerId, t]) => [farmerId, templates.get(t.id)!]))
}

/** The owner's own template (a cooperative's default, or a farmer's override), or null. */
export async function templateOf(db: Executor, owner: TemplateOwner): Promise<FreightTemplateDto | null> {
  const [row] = await db
    .select()
    .from(freightTemplates)
    .where(
      and(
        eq(freightTemplates.cooperativeId, owner.cooperativeId),
        owner.farmerId === null ? isNull(freightTemplates.farmerId) : eq(freightTemplates.farmerId, owner.farmerId),
      ),
    )
  if (!row) return null
  return (await withZones(db, [row])).get(row.id)!
}

/**
 * Writes the owner's template, replacing the one they had (its zones too); pass a transaction.
 * The upsert takes the template row's lock, so two saves at once are applied one after the other.
 */
export async function replaceTemplate(db: Executor, owner: TemplateOwner, values: TemplateValues, now: Date): Promise<FreightTemplateDto> {
  const row = {
    name: values.name,
    basis: values.basis,
    freeFromFen: values.freeFromFen,
    notServed: [...values.notServed],
    shipsFrom: values.shipsFrom,
    updatedAt: now,
  }
  const [saved] = await db
    .insert(freightTemplates)
    .values({ ...row, cooperativeId: owner.cooperativeId, farmerId: owner.farmerId })
    .onConflictDoUpdate(
      owner.farmerId === null
        ? { target: freightTemplates.cooperativeId, targetWhere: sql`farmer_id is null`, set: row }
        : { target: freightTemplates.farmerId, targetWhere: sql`farmer_id is not null`, set: row },
    )
    .returning()
  await db.delete(freightZones).where(eq(freightZones.templateId, saved.id))
  await db.insert(freightZones).values(values.zones.map((z, i) => ({ templateId: saved.id, ...z, provinces: [...z.provinces], sortOrder: i })))
  return (await withZones(db, [saved])).get(saved.id)!
}

/** Removes a farmer's own template (their zones go with it); false when they had none. */
export async function deleteFarmerTemplate(db: Executor, farmerId: number): Promise<boolean> {
  const rows = await db.delete(freightTemplates).where(eq(freightTemplates.farmerId, farmerId)).returning({ id: freightTemplates.id })
  return rows.length > 0
}

/** Each farmer's cooperative (a read of members' farmers.cooperative_id). */
export async function cooperativesOf(db: Executor, farmerIds: readonly number[]): Promise<Map<number, number>> {
  if (farmerIds.length === 0) return new Map()
  const rows = await db.select({ id: farmers.id, cooperativeId: farmers.cooperativeId }).from(farmers).where(inArray(farmers.id, [...farmerIds]))
  return new Map(rows.map((r) => [r.id, r.cooperativeId]))
}
