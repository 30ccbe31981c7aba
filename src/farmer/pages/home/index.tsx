/** The farmer's workbench (subpackage `farmer`): this week's figures and the ways to the daily work. */
import { Text, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../components/status'
import { openPage } from '../../../lib/navigation'
import { useDidShow } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { FarmerSignIn, useIsFarmer } from '../../shared/farmer-gate'
import { HomeStats, farmerRoutes, fetchFarmerHome, requestErrorText } from '../../features/fulfilment'
import { MyProductsEntry } from '../../features/listings'
import { claimsRoute, useOpenClaimCount } from '../../features/claims'
import { freightRoutes } from '../../../features/freight'
import '../../features/fulfilment/fulfilment.scss'
import './index.scss'

function Entry({ id, title, hint, url }: { id: string; title: string; hint?: string; url: string }) {
  return (
    <View id={id} className="f-entry" onClick={() => openPage(url)}>
      <Text>{title}</Text>
      <Text className="f-entry__hint">{hint ? `${hint} ›` : '›'}</Text>
    </View>
  )
}

export default function FarmerHomePage() {
  const isFarmer = useIsFarmer()
  const home = useResource(isFarmer ? 'farmer-home' : null, fetchFarmerHome)
  const openClaims = useOpenClaimCount(isFarmer)
  // Back from shipping or packing: the figures may have changed.
  useDidShow(() => {
    if (home.state.status === 'ready') void home.refresh()
  })

  if (!isFarmer) return <FarmerSignIn />
  const { state } = home
  const toShip = state.status === 'ready' ? state.data.toShipCount : 0
  return (
    <View className="f-page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState message={requestErrorText(state.error)} onRetry={home.retry} /> : null}
      {state.status === 'ready' ? <HomeStats home={state.data} onToShip={() => openPage(farmerRoutes.orders)} /> : null}
      <View className="f-entries">
        <Entry id="open-to-ship" title="待发货" hint={toShip > 0 ? `${toShip}单` : undefined} url={farmerRoutes.orders} />
        <Entry id="open-packing" title="打包清单" hint="今天要打包的" url={farmerRoutes.packing} />
        <Entry id="open-claims" title={openClaims === null ? '售后' : `售后 (${openClaims})`} hint={openClaims && openClaims !== '0' ? '请尽快处理' : '坏果、少斤退款'} url={claimsRoute} />
        <MyProductsEntry />
        <Entry id="open-statements" title="我的结算单" hint="每周收入" url={farmerRoutes.statements} />
        <Entry id="open-freight" title="运费" hint="运费模板、不发货地区" url={freightRoutes.farmer} />
      </View>
    </View>
  )
}
