/** H5: a new address typed in (the weapp uses WeChat's own address book instead). */
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { AddressInputDto } from '@contracts/orders'
import { userMessage } from '../../lib/api-error'
import { showToast } from '../../lib/page'
import { ADDRESS_LIMITS, checkAddress, EMPTY_DRAFT, type AddressDraft } from './address-rules'
import './address.scss'

interface Props {
  onSave: (input: AddressInputDto) => Promise<unknown>
  onCancel?: () => void
}

const FIELDS: { key: keyof AddressDraft; label: string; placeholder: string; type?: 'number' }[] = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number' },
  { key: 'province', label: '省', placeholder: '如：贵州省' },
  { key: 'city', label: '市', placeholder: '如：贵阳市' },
  { key: 'district', label: '区', placeholder: '如：云岩区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、楼栋、门牌号' },
]

export function AddressForm({ onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<AddressDraft>(EMPTY_DRAFT)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    if (saving) return
    const checked = checkAddress(draft)
    if (!checked.ok) {
      showToast(checked.message)
      return
    }
    setSaving(true)
    try {
      await onSave(checked.input)
      setDraft(EMPTY_DRAFT)
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="address-form">
      {FIELDS.map((f) => (
        <View key={f.key} className="address-form__row">
          <Text className="address-form__label">{f.label}</Text>
          <Input
            id={`address-${f.key}`}
            className="address-form__input"
            type={f.type === 'number' ? 'number' : 'text'}
            value={draft[f.key]}
            maxlength={ADDRESS_LIMITS[f.key]}
            placeholder={f.placeholder}
            onInput={(e) => {
              const value = e.detail.value
              setDraft((d) => ({ ...d, [f.key]: value }))
            }}
          />
        </View>
      ))}
      <View className="address-form__actions">
        {onCancel ? (
          <Button className="address-form__cancel" onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id="address-save" className="address-form__save" loading={saving || undefined} disabled={saving || undefined} onClick={save}>
          保存地址
        </Button>
      </View>
    </View>
  )
}
