/**
 * 客服电话: the phone buyers on H5 call from 联系客服 (order detail, product page); in the weapp
 * they reach WeChat's own customer service instead. Loads and saves the cooperative's settings.
 */
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { CoopSettingsDto } from '@contracts/freight'
import { useResource } from '../../../lib/use-resource'
import { Loaded } from '../../shared/loaded'
import { useCoopAction } from '../../shared/use-coop-action'
import { membersApi } from './api'
import './service-phone.scss'

/** What the field holds → the phone to save: '' clears it (null); undefined when it is not a number one can dial. */
export function parseServicePhone(text: string): string | null | undefined {
  const phone = text.trim().replace(/\s+/g, ' ')
  if (phone === '') return null
  if (!/^[0-9+\- ]{5,20}$/.test(phone) || (phone.match(/\d/g) ?? []).length < 5) return undefined
  return phone
}

function PhoneForm({ settings, refresh }: { settings: CoopSettingsDto; refresh: () => Promise<void> }) {
  const [text, setText] = useState(settings.servicePhone ?? '')
  const { busy, act } = useCoopAction(refresh)
  const parsed = parseServicePhone(text)
  const off = busy || parsed === undefined || parsed === settings.servicePhone
  const save = () => {
    if (parsed === undefined) return
    void act(() => membersApi.setServicePhone(parsed), parsed === null ? '客服电话已清除' : '客服电话已保存')
  }
  return (
    <View className="c-card">
      <View className="c-card__title">
        <Text>客服电话</Text>
        <Text className="c-muted">{settings.servicePhone ? `当前 ${settings.servicePhone}` : '未设置'}</Text>
      </View>
      <View className="c-actions c-actions--form">
        <Input id="service-phone-input" className="c-input service-phone__input" type="text" value={text} maxlength={20} placeholder="如 0857-6231234" onInput={(e) => setText(e.detail.value)} />
        <Button id="service-phone-save" className={`c-button c-button--small${off ? ' c-button--off' : ''}`} disabled={off} onClick={save}>
          保存
        </Button>
      </View>
      <Text className="service-phone__hint">{parsed === undefined ? '请填写能拨通的电话：数字、空格、+ 或 -' : '网页版买家点“联系客服”会拨打这个电话；清空后保存即不显示。微信小程序里是微信客服。'}</Text>
    </View>
  )
}

export function ServicePhoneEditor() {
  const resource = useResource('coop-settings', membersApi.settings)
  return <Loaded resource={resource}>{(settings) => <PhoneForm key={settings.servicePhone ?? ''} settings={settings} refresh={resource.refresh} />}</Loaded>
}
