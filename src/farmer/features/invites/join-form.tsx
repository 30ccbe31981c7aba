/** The invite landing: which cooperative, and a short form (name, village, a few words) to join it. */
import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { MeDto } from '@contracts/auth'
import type { InviteInfoDto } from '@contracts/farmer-listings'
import { LIMITS } from '@domain/limits'
import { acceptInvite } from './api'
import { INVITE_STATUS_TEXT, inviteErrorMessage } from './messages'
import './invites.scss'

interface Props {
  invite: InviteInfoDto
  /** Whether someone is signed in; the form needs it. */
  signedIn: boolean
  onJoined: (user: MeDto) => void
}

export function InviteHeader({ invite }: { invite: InviteInfoDto }) {
  return (
    <View className="join__card">
      <Text id="join-coop" className="join__coop">
        {invite.cooperative.name}
      </Text>
      <Text className="join__text">{`${invite.cooperative.province} · ${invite.cooperative.county}`}</Text>
      <Text id="join-status" className="join__text">
        {INVITE_STATUS_TEXT[invite.status]}
      </Text>
    </View>
  )
}

export function JoinForm({ invite, signedIn, onJoined }: Props) {
  const [name, setName] = useState('')
  const [village, setVillage] = useState('')
  const [story, setStory] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const join = async () => {
    if (saving) return
    if (!name.trim()) return setError('请填写您的名字')
    if (!village.trim()) return setError('请填写您住在哪个村')
    setSaving(true)
    setError(null)
    try {
      const result = await acceptInvite(invite.code, { name: name.trim(), village: village.trim(), story: story.trim() })
      onJoined(result.user)
    } catch (err) {
      setError(inviteErrorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="join__card">
      <Text className="join__label">您的名字</Text>
      <Input id="join-name" className="join__input" value={name} maxlength={LIMITS.farmerNameMax} placeholder="如：王秀英" onInput={(e) => setName(e.detail.value)} />
      <Text className="join__label">住在哪个村</Text>
      <Input id="join-village" className="join__input" value={village} maxlength={LIMITS.villageMax} placeholder="如：草海镇新华村" onInput={(e) => setVillage(e.detail.value)} />
      <Text className="join__label">介绍一下自己（可不填）</Text>
      <Textarea
        id="join-story"
        className="join__textarea"
        value={story}
        maxlength={LIMITS.storyMax}
        placeholder="种了多少年、种些什么"
        onInput={(e) => setStory(e.detail.value)}
      />
      {error ? (
        <Text id="join-error" className="join__error">
          {error}
        </Text>
      ) : null}
      <Button id="join-submit" className="join__btn" disabled={saving || !signedIn || undefined} onClick={join}>
        {saving ? '正在加入…' : '加入合作社'}
      </Button>
    </View>
  )
}
