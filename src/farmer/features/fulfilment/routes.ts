/** The farmer subpackage's pages (paths from the app root). */
import { listParam, parseIdParam } from '../../../lib/navigation'

export const farmerRoutes = {
  home: '/farmer/pages/home/index',
  orders: '/farmer/pages/orders/index',
  /** Ship these orders (ids in the order shown). */
  ship: (ids: readonly number[]) => `/farmer/pages/ship/index?ids=${ids.join(',')}`,
  packing: '/farmer/pages/packing/index',
  statements: '/farmer/pages/statements/index',
} as const

/** `?ids=12,15` → [12, 15]: positive ids, at most 50, no repeats; anything malformed is dropped. */
export function parseIds(raw: string | undefined): number[] {
  const ids: number[] = []
  for (const part of listParam(raw)) {
    const id = parseIdParam(part)
    if (id !== null && !ids.includes(id)) ids.push(id)
  }
  return ids.slice(0, 50)
}
