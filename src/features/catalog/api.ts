/** The catalog's API calls. Shapes come from the server's contracts (types only). */
import type {
  CategoryDto,
  FarmerProfileDto,
  ProductDetailDto,
  ProductPageDto,
} from '@contracts/catalog'
import { apiGet } from '../../lib/request'

/** What a product list can be narrowed to (GET /api/v1/products). */
export interface ProductFilters {
  category?: string
  cooperative?: number
  farmer?: number
  q?: string
  inSeason?: boolean
}

export function fetchProductPage(filters: ProductFilters, cursor: string | null, limit?: number): Promise<ProductPageDto> {
  return apiGet<ProductPageDto>('/api/v1/products', { ...filters, cursor, limit })
}

export function fetchProduct(id: number): Promise<ProductDetailDto> {
  return apiGet<ProductDetailDto>(`/api/v1/products/${id}`)
}

export async function fetchCategories(): Promise<CategoryDto[]> {
  const page = await apiGet<{ items: CategoryDto[] }>('/api/v1/categories')
  return page.items
}

export function fetchFarmer(id: number): Promise<FarmerProfileDto> {
  return apiGet<FarmerProfileDto>(`/api/v1/farmers/${id}`)
}
