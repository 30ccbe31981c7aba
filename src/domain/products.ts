/** Where a product stands: on sale or not, and whether its content passed review. */

export const PRODUCT_STATUSES = ['on_sale', 'paused', 'sold_out'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

export const REVIEW_STATUSES = ['approved', 'pending_review', 'rejected'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]
