/**
 * Editing a product's specs: which to update, add and delete. A spec that was ever ordered
 * cannot be deleted (order lines point at it); the farmer sets its stock to 0 instead. When the
 * form says which stock it started from, the farmer's change is applied to the stock as it is
 * now, so orders placed while the farmer was editing are not sold twice.
 */
import { AppError } from '../../http/errors'
import { LIMITS } from '@domain/limits'
import type { Tx } from '../../db/client'
import { moveStock, setStock } from '../stock'
import type { CleanSpec } from './listing-input'
import type { ListingRepository, SpecRow, SpecValues } from './listing-repository'

export interface SpecPlan {
  /** Stock changes through the stock module: moved by the farmer's change (`stockWas` given) or set. */
  update: { id: number; values: Partial<Omit<SpecValues, 'stock'>>; stock: { set: number } | { move: number } }[]
  insert: SpecValues[]
  remove: number[]
}

export function planSpecs(current: SpecRow[], wanted: CleanSpec[], ordered: Set<number>): SpecPlan {
  const currentIds = new Set(current.map((s) => s.id))
  const plan: SpecPlan = { update: [], insert: [], remove: [] }
  wanted.forEach(({ id, stockWas, ...values }, sortOrder) => {
    if (id === undefined) return plan.insert.push({ ...values, sortOrder })
    if (!currentIds.has(id)) throw new AppError('UNKNOWN_SPEC', `Spec ${id} is not one of this product's specs`)
    const { stock, ...rest } = values
    plan.update.push({ id, values: { ...rest, sortOrder }, stock: stockWas === undefined ? { set: stock } : { move: stock - stockWas } })
  })
  const kept = new Set(plan.update.map((u) => u.id))
  plan.remove = current.filter((s) => !kept.has(s.id)).map((s) => s.id)
  if (plan.remove.some((id) => ordered.has(id))) {
    throw new AppError('SPEC_HAS_ORDERS', 'A spec that has orders cannot be removed; set its stock to 0 instead')
  }
  return plan
}

/** Applies the plan; names go through a temporary value first so two specs can swap names. */
export async function applySpecPlan(repo: ListingRepository, tx: Tx, productId: number, plan: SpecPlan): Promise<void> {
  await repo.deleteSpecs(tx, plan.remove)
  // Longer than any real spec name (LIMITS.specNameMax), so it cannot collide with one.
  for (const u of plan.update) await repo.updateSpec(tx, u.id, { name: `~renaming-spec-${u.id}~`.padEnd(LIMITS.specNameMax + 10, '~') })
  for (const u of plan.update) {
    await repo.updateSpec(tx, u.id, u.values)
    if ('set' in u.stock) await setStock(tx, u.id, u.stock.set)
    else if (u.stock.move !== 0) await moveStock(tx, u.id, u.stock.move)
  }
  await repo.insertSpecs(tx, productId, plan.insert)
}
