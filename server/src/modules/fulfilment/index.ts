/**
 * Fulfilment: the farmer's orders to ship, shipping, packing list and home figures, and the
 * WeChat work shipping causes (shipping-info upload, "shipped" message). Writes only its own
 * tables (shipping_uploads, message_sends); order status changes go through orders.
 */
export { registerFulfilment } from './fulfilment-module'
