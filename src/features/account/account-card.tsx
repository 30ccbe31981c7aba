/** Signed in: who, with which roles, and the way into the farmer's or cooperative's workbench. */
import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { MeDto } from '@contracts/auth'
import { logout } from '../../lib/login'
import { openPage, routes } from '../../lib/navigation'
import { roleNames } from './roles'
import './account.scss'

/** `children` (e.g. the orders shortcuts) go between who is signed in and the workbench links. */
export function AccountCard({ user, children }: { user: MeDto; children?: ReactNode }) {
  const isFarmer = user.roles.includes('farmer')
  const isCoop = user.roles.includes('coop_admin')
  return (
    <View className="account">
      <View className="account__card">
        <View className="account__who">
          <View className="account__avatar">
            <Text>{user.nickname.slice(0, 1) || '乡'}</Text>
          </View>
          <View className="account__who-text">
            <Text className="account__nickname" id="mine-nickname">
              {user.nickname}
            </Text>
            <View className="account__roles">
              {roleNames(user.roles).map((name) => (
                <Text key={name} className="account__role">
                  {name}
                </Text>
              ))}
            </View>
          </View>
        </View>
      </View>

      {children}

      {isFarmer || isCoop ? (
        <View className="account__card account__card--list">
          {isFarmer ? (
            <View id="open-farmer-home" className="account__link" onClick={() => openPage(routes.farmerHome)}>
              <Text>农户工作台</Text>
              <Text className="account__arrow">›</Text>
            </View>
          ) : null}
          {isCoop ? (
            <View id="open-coop-home" className="account__link" onClick={() => openPage(routes.coopHome)}>
              <Text>合作社工作台</Text>
              <Text className="account__arrow">›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <Button id="logout" className="account__logout" onClick={logout}>
        退出登录
      </Button>
    </View>
  )
}
