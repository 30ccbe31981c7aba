/** A page of cards at a time keeps a page's node count down for a large cooperative. */
import { Text } from '@tarojs/components'
import { useState } from 'react'

export const PAGE_SIZE = 20

export interface Paged<T> {
  /** The items shown so far. */
  shown: readonly T[]
  /** Whether there are more than shown. */
  more: boolean
  showMore: () => void
}

export function usePaged<T>(items: readonly T[], pageSize = PAGE_SIZE): Paged<T> {
  const [count, setCount] = useState(pageSize)
  return { shown: items.slice(0, count), more: items.length > count, showMore: () => setCount(count + pageSize) }
}

/** "显示更多… ›" under a paged list, while there is more to show. */
export function ShowMore({ paged, label }: { paged: Paged<unknown>; label: string }) {
  if (!paged.more) return null
  return (
    <Text className="c-card__more" onClick={paged.showMore}>
      {label}
    </Text>
  )
}
