import type { CategoryDto, FarmerProfileDto, ProductDetailDto } from '@contracts/catalog'
import { ApiError } from '../../lib/api-error'
import { useResource, type Resource } from '../../lib/use-resource'
import { fetchCategories, fetchFarmer, fetchProduct } from './api'

export function useCategories(): Resource<CategoryDto[]> {
  return useResource('categories', fetchCategories)
}

/** A page's `?id=` as a product / farmer id, or null if it is not one. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null
  const id = Number(raw)
  return id >= 1 && Number.isSafeInteger(id) ? id : null
}

const notFound = (message: string) => Promise.reject(new ApiError('NOT_FOUND', 404, message))

export function useProductDetail(id: number | null): Resource<ProductDetailDto> {
  return useResource(`product:${id ?? 'none'}`, () => (id === null ? notFound('商品不存在或已下架') : fetchProduct(id)))
}

export function useFarmerProfile(id: number | null): Resource<FarmerProfileDto> {
  return useResource(`farmer:${id ?? 'none'}`, () => (id === null ? notFound('没有找到这位农户') : fetchFarmer(id)))
}
