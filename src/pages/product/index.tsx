/** One product: photos, price, specs, dates, farmer, 联系客服. Shareable. */
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { LoadError } from '../../components/load-error'
import { LoadingState } from '../../components/status'
import { ContactService } from '../../components/contact-service'
import { ProductDetail, parseId, useProductDetail } from '../../features/catalog'
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
  if (state.status === 'error') return <LoadError error={state.error} missingText="商品不存在或已下架" onRetry={retry} />
  return (
    <View className="page">
      <ProductDetail product={state.data} />
      <ContactService id="product-contact" look="float" sessionFrom={`product:${state.data.id}`} phone={state.data.shipping.servicePhone} card={{ title: state.data.title, path: routes.product(state.data.id) }} />
    </View>
  )
}
