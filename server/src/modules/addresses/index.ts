/** The addresses module: a buyer's delivery addresses. Owns (the only writer of) `addresses`; placement reads one and copies it into the order. */
import type { ModuleContext } from '../../module-context'
import { addressRoutes } from './address-routes'
import { createAddressService } from './address-service'

export async function registerAddresses(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(addressRoutes, { auth: ctx.auth, addresses: createAddressService(ctx.db) })
}
