/** One order, reloadable, and replaceable by what an action on it returned. */
import { useState } from 'react'
import type { OrderDetailDto } from '@contracts/orders'
import { ApiError } from '../../lib/api-error'
import { useResource } from '../../lib/use-resource'
import { fetchOrder } from './api'

export function useOrderDetail(id: number | null) {
  const resource = useResource(`order:${id ?? 'none'}`, () =>
    id === null ? Promise.reject(new ApiError('NOT_FOUND', 404, '订单不存在')) : fetchOrder(id),
  )
  const [changed, setChanged] = useState<OrderDetailDto | null>(null)
  const loaded = resource.state.status === 'ready' ? resource.state.data : null
  const order = changed && changed.id === id ? changed : loaded
  return {
    state: resource.state,
    order,
    retry: resource.retry,
    refresh: async () => {
      await resource.refresh()
      setChanged(null)
    },
    setOrder: setChanged,
  }
}
