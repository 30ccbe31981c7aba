/** 我的: who is signed in (with their orders), or how to sign in. */
import { View } from '@tarojs/components'
import { AccountCard, LoginPanel } from '../../features/account'
import { OrderShortcuts } from '../../features/orders'
import { refreshMe } from '../../lib/login'
import { useDidShow } from '../../lib/page'
import { useSession } from '../../stores/session'

export default function MinePage() {
  const user = useSession((s) => s.user)
  const token = useSession((s) => s.token)

  // Roles can change on the server (a buyer becomes a farmer): re-read them when the tab shows.
  useDidShow(() => {
    if (token) refreshMe().catch(() => undefined)
  })

  return (
    <View className="page mine">
      {token && user ? (
        <AccountCard user={user}>
          <OrderShortcuts />
        </AccountCard>
      ) : (
        <LoginPanel />
      )}
    </View>
  )
}
