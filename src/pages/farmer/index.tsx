/** A farmer: photo, village, cooperative, story, and what they sell. */
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { LoadError } from '../../components/load-error'
import { LoadingState } from '../../components/status'
import { FarmerProfile, parseId, useFarmerProfile } from '../../features/catalog'
import { mediaUrl } from '../../lib/media'
import { routes } from '../../lib/navigation'
import { setPageTitle, useRouter, useShareAppMessage } from '../../lib/page'

export default function FarmerPage() {
  const router = useRouter()
  const id = parseId(router.params.id)
  const { state, retry } = useFarmerProfile(id)
  const farmer = state.status === 'ready' ? state.data : null

  useEffect(() => {
    if (farmer) setPageTitle(`${farmer.name} · ${farmer.village}`)
  }, [farmer])

  useShareAppMessage(() => ({
    title: farmer ? `${farmer.village}的${farmer.name}` : '乡集 · 认识种地的人',
    path: id ? routes.farmer(id) : routes.home,
    imageUrl: farmer?.photo ? mediaUrl(farmer.photo.url) : undefined,
  }))

  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <LoadError error={state.error} missingText="没有找到这位农户" onRetry={retry} />
  return (
    <View className="page">
      <FarmerProfile farmer={state.data} />
    </View>
  )
}
