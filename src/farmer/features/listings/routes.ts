/** The farmer subpackage's listing pages. */
export const listingRoutes = {
  list: '/farmer/pages/listings/index',
  create: '/farmer/pages/listing-edit/index',
  edit: (id: number) => `/farmer/pages/listing-edit/index?id=${id}`,
  stock: (id: number) => `/farmer/pages/stock/index?id=${id}`,
} as const
