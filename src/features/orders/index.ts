/** The orders feature: 我的订单 (tabs, cards, actions), 订单详情, and the 我的 page's shortcuts. */

export { OrderTabs } from './order-tabs'
export { OrderListView } from './order-list-view'
export { OrderDetailView } from './order-detail-view'
export { OrderShortcuts } from './order-shortcuts'
export { useOrderList, type OrderList } from './use-order-list'
export { useOrderDetail } from './use-order-detail'
export { useOrderActions, type OrderActions } from './use-order-actions'
export { useOrderClaims } from './use-order-claims'
export { ORDER_TABS, parseOrderStatus, eventTitle, refundLabel, cancelPrompt } from './labels'
