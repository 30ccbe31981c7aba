/** The states a screen can be in besides "here is your content". */
import { Button, Text, View } from '@tarojs/components'
import './status.scss'

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="status status--loading">
      <View className="status__spinner" />
      <Text className="status__text">{text}</Text>
    </View>
  )
}

export function EmptyState({ text, hint }: { text: string; hint?: string }) {
  return (
    <View className="status status--empty">
      <Text className="status__text">{text}</Text>
      {hint ? <Text className="status__hint">{hint}</Text> : null}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="status status--error">
      <Text className="status__text">{message}</Text>
      {onRetry ? (
        <Button className="status__retry" size="mini" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}
