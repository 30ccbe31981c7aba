/** The line under a paged list: loading more, failed (tap to retry), or the end. */
import { Text, View } from '@tarojs/components'
import './list-footer.scss'

export type ListFooterState = 'idle' | 'loading' | 'error' | 'done'

export function ListFooter({ state, onRetry }: { state: ListFooterState; onRetry?: () => void }) {
  if (state === 'idle') return <View className="list-footer" />
  if (state === 'loading') {
    return (
      <View className="list-footer">
        <Text className="list-footer__text">加载中…</Text>
      </View>
    )
  }
  if (state === 'error') {
    return (
      <View className="list-footer list-footer--error" onClick={onRetry}>
        <Text className="list-footer__text">加载失败，点击重试</Text>
      </View>
    )
  }
  return (
    <View className="list-footer">
      <Text className="list-footer__text">没有更多了</Text>
    </View>
  )
}
