/**
 * The buyer's cart, remembered on the device in Taro storage. It holds what the buyer picked and
 * the price they saw then; it never states a price: totals and current prices come from the
 * server's checkout preview (features/cart).
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../lib/storage'

export const CART_STORAGE_KEY = 'xiangji-cart'
/** The server accepts quantities up to 999 and at most 50 lines per checkout. */
export const MAX_QUANTITY = 999
export const MAX_LINES = 50

export interface CartLine {
  specId: number
  productId: number
  farmerId: number
  farmerName: string
  title: string
  specName: string
  unit: string
  /** Thumbnail path (relative to the API origin), or null. */
  cover: string | null
  /** The price the buyer last saw (fen); the cart flags a line when the server's differs. */
  lastSeenPriceFen: number
  quantity: number
  /** Ticked for checkout. */
  selected: boolean
  /** Stock as of the last preview (or the product page); bounds the stepper. Null when unknown. */
  stock: number | null
}

export type NewCartLine = Omit<CartLine, 'quantity' | 'selected'>

export type AddResult = 'added' | 'full'

interface CartState {
  lines: CartLine[]
  /** Adds `quantity` of a spec (to what is there already), ticked. */
  add: (line: NewCartLine, quantity: number) => AddResult
  setQuantity: (specId: number, quantity: number) => void
  remove: (specIds: readonly number[]) => void
  /** Drops lines that became orders. */
  removeOrdered: (specIds: readonly number[]) => void
  toggle: (specId: number) => void
  selectAll: (selected: boolean) => void
  /** Remembers stock per spec from a checkout preview. */
  noteStock: (stockBySpec: ReadonlyMap<number, number>) => void
  /** The buyer has seen these prices (fen per spec): the "价格已变动" flags go. */
  acknowledgePrices: (priceBySpec: ReadonlyMap<number, number>) => void
}

/** The stepper's bounds: 1 .. min(999, stock); 1 when the stock is unknown or none is left. */
export function clampQuantity(quantity: number, stock: number | null): number {
  const max = Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY))
  if (!Number.isFinite(quantity)) return 1
  return Math.min(max, Math.max(1, Math.floor(quantity)))
}

export function maxQuantity(stock: number | null): number {
  return Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY))
}

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** A remembered line, checked field by field (storage may hold an older or damaged shape). */
function sanitizeLine(raw: unknown): CartLine | null {
  const r = (raw ?? {}) as Record<string, unknown>
  const specId = int(r.specId)
  const productId = int(r.productId)
  const farmerId = int(r.farmerId)
  const price = int(r.lastSeenPriceFen)
  const quantity = int(r.quantity)
  if (!specId || specId < 1 || !productId || farmerId === null || price === null || !quantity) return null
  const stock = int(r.stock)
  const coverRaw = r.cover as unknown
  const cover =
    typeof coverRaw === 'string' && coverRaw
      ? coverRaw
      : typeof (coverRaw as { thumbUrl?: unknown } | null)?.thumbUrl === 'string'
        ? (coverRaw as { thumbUrl: string }).thumbUrl
        : null
  return {
    specId,
    productId,
    farmerId,
    farmerName: str(r.farmerName),
    title: str(r.title),
    specName: str(r.specName),
    unit: str(r.unit),
    cover,
    lastSeenPriceFen: price,
    quantity: clampQuantity(quantity, null),
    selected: r.selected !== false,
    stock: stock !== null && stock >= 0 ? stock : null,
  }
}

export function sanitizeLines(raw: unknown): CartLine[] {
  if (!Array.isArray(raw)) return []
  const seen = new Set<number>()
  const lines: CartLine[] = []
  for (const item of raw) {
    const line = sanitizeLine(item)
    if (!line || seen.has(line.specId)) continue
    seen.add(line.specId)
    lines.push(line)
  }
  return lines.slice(0, MAX_LINES)
}

const mapLines = (lines: CartLine[], specId: number, change: (l: CartLine) => CartLine) =>
  lines.map((l) => (l.specId === specId ? change(l) : l))

export const useCart = create<CartState>()(
  persist(
    (set, get) => ({
      lines: [],
      add: (line, quantity) => {
        const lines = get().lines
        const existing = lines.find((l) => l.specId === line.specId)
        if (!existing && lines.length >= MAX_LINES) return 'full'
        const merged: CartLine = {
          ...line,
          quantity: clampQuantity((existing?.quantity ?? 0) + quantity, line.stock),
          selected: true,
        }
        // Newest first.
        set({ lines: [merged, ...lines.filter((l) => l.specId !== line.specId)] })
        return 'added'
      },
      setQuantity: (specId, quantity) =>
        set((s) => ({ lines: mapLines(s.lines, specId, (l) => ({ ...l, quantity: clampQuantity(quantity, l.stock) })) })),
      remove: (specIds) => set((s) => ({ lines: s.lines.filter((l) => !specIds.includes(l.specId)) })),
      removeOrdered: (specIds) => set((s) => ({ lines: s.lines.filter((l) => !specIds.includes(l.specId)) })),
      toggle: (specId) => set((s) => ({ lines: mapLines(s.lines, specId, (l) => ({ ...l, selected: !l.selected })) })),
      selectAll: (selected) => set((s) => ({ lines: s.lines.map((l) => (l.selected === selected ? l : { ...l, selected })) })),
      noteStock: (stockBySpec) => {
        const lines = get().lines
        if (!lines.some((l) => stockBySpec.has(l.specId) && stockBySpec.get(l.specId) !== l.stock)) return
        set({ lines: lines.map((l) => (stockBySpec.has(l.specId) ? { ...l, stock: stockBySpec.get(l.specId) ?? null } : l)) })
      },
      acknowledgePrices: (priceBySpec) => {
        const lines = get().lines
        const changed = (l: CartLine) => priceBySpec.has(l.specId) && priceBySpec.get(l.specId) !== l.lastSeenPriceFen
        if (!lines.some(changed)) return
        set({ lines: lines.map((l) => (changed(l) ? { ...l, lastSeenPriceFen: priceBySpec.get(l.specId) as number } : l)) })
      },
    }),
    {
      name: CART_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ lines: s.lines }),
      merge: (persisted, current) => ({ ...current, lines: sanitizeLines((persisted as { lines?: unknown } | null)?.lines) }),
    },
  ),
)
