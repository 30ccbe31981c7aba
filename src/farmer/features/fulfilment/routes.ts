/** The farmer subpackage's pages (paths from the app root). */

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
  if (!raw) return []
  let text = raw
  try {
    text = decodeURIComponent(raw)
  } catch {
    return []
  }
  const ids: number[] = []
  for (const part of text.split(',')) {
    if (!/^\d{1,15}$/.test(part.trim())) continue
    const id = Number(part)
    if (id >= 1 && Number.isSafeInteger(id) && !ids.includes(id)) ids.push(id)
  }
  return ids.slice(0, 50)
}
