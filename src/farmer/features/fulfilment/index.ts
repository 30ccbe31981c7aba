/** Fulfilment on the farmer's phone: 待发货, 发货, 打包清单 and the home figures. */

export { fetchFarmerHome, fetchOrdersByIds, fetchPackingList } from './api'
export { farmerRoutes, parseIds } from './routes'
export { FarmerOrderCard } from './farmer-order-card'
export { CourierPicker } from './courier-picker'
export { ShipLine } from './ship-line'
export { HomeStats } from './home-stats'
export { PackingView } from './packing-view'
export { useShipQueue, type ShipQueue } from './use-ship-queue'
export { useShipForm, pendingOf, type ShipForm } from './use-ship-form'
export { requestErrorText } from './labels'
