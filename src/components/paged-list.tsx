/** A cursor-paged list on screen: loading, failed, nothing found, or the items with their footer. */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { userMessage } from '../lib/api-error'
import type { CursorList } from '../lib/use-cursor-list'
import { ListFooter, type ListFooterState } from './list-footer'
import { EmptyState, ErrorState, LoadingState } from './status'

interface Props {
  list: Pick<CursorList<unknown>, 'status' | 'error' | 'empty' | 'done' | 'retry'>
  className: string
  emptyText: string
  emptyHint?: string
  children: ReactNode
}

export function PagedList({ list, className, emptyText, emptyHint, children }: Props) {
  if (list.status === 'loading') return <LoadingState />
  if (list.status === 'error') return <ErrorState message={userMessage(list.error)} onRetry={list.retry} />
  if (list.empty) return <EmptyState text={emptyText} hint={emptyHint} />
  const footer: ListFooterState =
    list.status === 'loading-more' ? 'loading' : list.status === 'error-more' ? 'error' : list.done ? 'done' : 'idle'
  return (
    <View className={className}>
      {children}
      <ListFooter state={footer} onRetry={list.retry} />
    </View>
  )
}
