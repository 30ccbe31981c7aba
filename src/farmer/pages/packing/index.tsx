/** 打包清单: today's paid, unshipped orders totalled by spec (pull down to refresh). */
import { Button, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../components/status'
import { openPage } from '../../../lib/navigation'
import { stopPullDownRefresh, usePullDownRefresh } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { PackingView, farmerRoutes, fetchPackingList, requestErrorText } from '../../features/fulfilment'
import '../../features/fulfilment/fulfilment.scss'

export default function PackingPage() {
  const packing = useResource('packing-today', () => fetchPackingList())
  usePullDownRefresh(() => {
    void packing.refresh().finally(stopPullDownRefresh)
  })

  const { state } = packing
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={requestErrorText(state.error)} onRetry={packing.retry} />
  return (
    <View className="f-page">
      <PackingView list={state.data} />
      {state.data.ordersCount > 0 ? (
        <View className="f-bar">
          <Button id="packing-to-ship" className="f-button" onClick={() => openPage(farmerRoutes.orders)}>
            打包好了，去发货
          </Button>
        </View>
      ) : null}
    </View>
  )
}
