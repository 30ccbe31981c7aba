/** Shows a coop page only to a cooperative manager; anyone else is asked to sign in as one. */
import { View } from '@tarojs/components'
import type { ComponentType, ReactNode } from 'react'
import { EmptyState } from '../../components/status'
import { openTab, routes } from '../../lib/navigation'
import { hasRole, useSession } from '../../stores/session'

export function CoopGate({ children }: { children: ReactNode }) {
  const isManager = useSession((s) => hasRole(s.user, 'coop_admin') && s.user?.cooperativeId != null)
  if (!isManager) {
    return (
      <View className="c-page" onClick={() => openTab(routes.mine)}>
        <EmptyState text="请用合作社管理员账号登录" hint="在“我的”页面登录 ›" />
      </View>
    )
  }
  return <View className="c-page">{children}</View>
}

/** A coop page's default export: its content behind the gate. */
export function coopPage(Content: ComponentType): ComponentType {
  return function CoopPage() {
    return (
      <CoopGate>
        <Content />
      </CoopGate>
    )
  }
}
