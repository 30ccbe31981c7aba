/** A cursor-paged product list: the first page whenever the filters change, more on reach-bottom. */
import type { ProductCardDto } from '@contracts/catalog'
import { useCursorList, type CursorList, type CursorListStatus } from '../../lib/use-cursor-list'
import { fetchProductPage, type ProductFilters } from './api'

export type ProductListStatus = CursorListStatus
export type ProductList = CursorList<ProductCardDto>

/** `filters` null: nothing to load (e.g. a search with no words yet). */
export function useProductList(filters: ProductFilters | null, pageSize?: number): ProductList {
  const key = filters ? JSON.stringify([filters, pageSize]) : null
  return useCursorList(key, (cursor) => fetchProductPage(filters ?? {}, cursor, pageSize))
}
