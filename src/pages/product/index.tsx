/** One product: photos, price, specs, dates, farmer. Shareable. */
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../components/status'
import { ProductDetail, parseId, useProductDetail } from '../../features/catalog'
import { isApiError, userMessage } from '../../lib/api-error'
import { mediaUrl } from '../../lib/media'
import { routes } from '../../lib/navigation'
import { setPageTitle, useRouter, useShareAppMessage } from '../../lib/page'

export default function ProductPage() {
  const router = useRouter()
  const id = parseId(router.params.id)
  const { state, retry } = useProductDetail(id)
  const product = state.status === 'ready' ? state.data : null

  useEffect(() => {
    if (product) setPageTitle(product.title)
  }, [product])

  useShareAppMessage(() => ({
    title: product ? product.title : '乡集 · 村里的当季鲜货',
    path: id ? routes.product(id) : routes.home,
    imageUrl: product?.cover ? mediaUrl(product.cover.url) : undefined,
  }))

  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') {
    const missing = isApiError(state.error) && state.error.status === 404
    return missing ? (
      <ErrorState message="商品不存在或已下架" />
    ) : (
      <ErrorState message={userMessage(state.error)} onRetry={retry} />
    )
  }
  return (
    <View className="page">
      <ProductDetail product={state.data} />
    </View>
  )
}
