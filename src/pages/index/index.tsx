/** Home: search, categories, and what is in season now. */
import { Text, View } from '@tarojs/components'
import { SectionTitle } from '../../components/section-title'
import { CategoryChips, ProductFeed, useCategories, useProductList } from '../../features/catalog'
import { openPage, routes } from '../../lib/navigation'
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom, useShareAppMessage } from '../../lib/page'
import './index.scss'

const IN_SEASON = { inSeason: true }

export default function HomePage() {
  const categories = useCategories()
  const list = useProductList(IN_SEASON)

  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([categories.refresh(), list.refresh()]).finally(stopPullDownRefresh)
  })
  useShareAppMessage(() => ({ title: '乡集 · 村里的当季鲜货', path: routes.home }))

  return (
    <View className="page home">
      <View className="home__top">
        <View id="home-search" className="home__search" onClick={() => openPage(routes.search())}>
          <View className="home__search-icon" />
          <Text className="home__search-text">搜索水果、蔬菜、产地</Text>
        </View>
        <Text className="home__tagline">从村里直接到你家 · 农户自产自销</Text>
      </View>
      {categories.state.status === 'ready' ? <CategoryChips categories={categories.state.data} /> : null}
      <SectionTitle title="当季鲜货" note="正在采摘，新鲜发货" />
      <ProductFeed list={list} emptyText="这个时节暂时没有当季鲜货" emptyHint="去分类里看看其他农产品吧" />
    </View>
  )
}
