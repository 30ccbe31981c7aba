/**
 * 加入合作社 (farmer subpackage), `?code=`: the page an invite opens. Shows the cooperative,
 * asks the person to sign in if needed, then a short form; joining makes them a farmer.
 */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { InviteInfoDto } from '@contracts/farmer-listings'
import { ErrorState, LoadingState } from '../../../components/status'
import { LoginPanel } from '../../../features/account'
import { isWeapp } from '../../../lib/env'
import { wechatLogin } from '../../../lib/login'
import { openPage, routes } from '../../../lib/navigation'
import { showToast, useRouter } from '../../../lib/page'
import { useSession } from '../../../stores/session'
import { fetchInvite, InviteHeader, inviteErrorMessage, JoinForm } from '../../features/invites'

export default function JoinPage() {
  const code = useRouter().params.code ?? ''
  const token = useSession((s) => s.token)
  const user = useSession((s) => s.user)
  const [invite, setInvite] = useState<InviteInfoDto | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    setError(null)
    if (!code) return setError(new Error('no code'))
    fetchInvite(code).then(setInvite, setError)
  }, [code, round])

  if (error) return <ErrorState message={code ? inviteErrorMessage(error) : '链接不完整，请让合作社重新发送邀请'} onRetry={code ? () => setRound((r) => r + 1) : undefined} />
  if (!invite) return <LoadingState />

  const alreadyFarmer = !!user?.farmerId
  return (
    <View className="page join">
      <InviteHeader invite={invite} />
      {alreadyFarmer ? (
        <View className="join__card">
          <Text className="join__text">您已经是合作社的农户了。</Text>
          <Button className="join__btn" onClick={() => openPage(routes.farmerHome)}>
            去农户工作台
          </Button>
        </View>
      ) : null}
      {!alreadyFarmer && invite.status === 'valid' && !token ? (
        isWeapp ? (
          <View className="join__card">
            <Text className="join__text">先用微信登录，再填写下面的信息。</Text>
            <Button id="join-login" className="join__btn" onClick={() => wechatLogin().catch((err) => showToast(inviteErrorMessage(err)))}>
              微信登录
            </Button>
          </View>
        ) : (
          <LoginPanel />
        )
      ) : null}
      {!alreadyFarmer && invite.status === 'valid' && token ? (
        <JoinForm
          invite={invite}
          signedIn={!!token}
          onJoined={(me) => {
            useSession.getState().setUser(me)
            showToast('加入成功')
            openPage(routes.farmerHome)
          }}
        />
      ) : null}
    </View>
  )
}
