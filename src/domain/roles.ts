/** Who a user is to the market: a buyer, a member farmer, a cooperative's manager (one account may be several). */
export const ROLES = ['buyer', 'farmer', 'coop_admin'] as const
export type Role = (typeof ROLES)[number]
