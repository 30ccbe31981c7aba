/** The cart feature: the cart page's content (lines by farmer, server-priced totals, 去结算). */
export { CartView } from './cart-view'
export { useCartPreview, type CartPreview } from './use-cart-preview'
