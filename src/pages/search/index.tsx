/** Search: type words, confirm, browse what matches. */
import { useMemo, useState } from 'react'
import { Button, Input, View } from '@tarojs/components'
import { EmptyState } from '../../components/status'
import { LIMITS } from '@domain/limits'
import { ProductFeed, useProductList } from '../../features/catalog'
import { useReachBottom, useRouter } from '../../lib/page'
import './index.scss'

function decode(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim().slice(0, LIMITS.searchQueryMax)
  } catch {
    return ''
  }
}

export default function SearchPage() {
  const router = useRouter()
  const initial = decode(router.params.q)
  const [text, setText] = useState(initial)
  const [query, setQuery] = useState(initial)
  const filters = useMemo(() => (query ? { q: query } : null), [query])
  const list = useProductList(filters)

  useReachBottom(() => list.loadMore())

  const submit = (value: string) => setQuery(value.trim().slice(0, LIMITS.searchQueryMax))

  return (
    <View className="page search">
      <View className="search__bar">
        <Input
          id="search-input"
          className="search__input"
          value={text}
          focus={!initial}
          confirmType="search"
          maxlength={LIMITS.searchQueryMax}
          placeholder="搜索水果、蔬菜、产地"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Button id="search-submit" className="search__button" onClick={() => submit(text)}>
          搜索
        </Button>
      </View>
      {query ? (
        <ProductFeed list={list} layout="row" emptyText="没有找到相关农产品" emptyHint="换个词试试，比如“苹果”“小米”" />
      ) : (
        <EmptyState text="输入农产品名称、产地或农户名" hint="例如：苹果、小米、蜂蜜" />
      )}
    </View>
  )
}
