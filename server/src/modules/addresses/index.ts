/** The addresses module: a buyer's delivery addresses. Owns (the only writer of) `addresses`; orders copy an address into the order. */
export { createAddressService, type AddressService } from './address-service'
export { addressRoutes } from './address-routes'
