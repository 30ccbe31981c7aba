/** The checkout feature: address, server preview, placing orders and paying; the pay-result page. */
export { CheckoutView } from './checkout-view'
export { PayResultView } from './pay-result-view'
export { outcomeOf, type CheckoutOutcome } from './use-checkout-status'
export { checkAddress, addressLine } from './address-rules'
