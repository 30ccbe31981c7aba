/** Shipping info: where its upload to WeChat stands. (Shipping fees are freight templates: freight.ts.) */

/** Where the upload of an order's shipping info to WeChat stands. */
export const SHIPPING_SYNC_STATUSES = ['pending', 'uploaded', 'failed'] as const
export type ShippingSyncStatus = (typeof SHIPPING_SYNC_STATUSES)[number]
