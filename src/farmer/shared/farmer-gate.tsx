/** Whether the signed-in user is a farmer, and what anyone else sees on a farmer page. */
import { View } from '@tarojs/components'
import { EmptyState } from '../../components/status'
import { openTab, routes } from '../../lib/navigation'
import { hasRole, useSession } from '../../stores/session'

export function useIsFarmer(): boolean {
  return useSession((s) => hasRole(s.user, 'farmer') && s.user?.farmerId != null)
}

/** Shown instead of a farmer page to anyone not signed in as a farmer (the page's styles give `f-page`). */
export function FarmerSignIn() {
  return (
    <View className="f-page" onClick={() => openTab(routes.mine)}>
      <EmptyState text="请用农户账号登录" hint="在“我的”页面登录 ›" />
    </View>
  )
}
