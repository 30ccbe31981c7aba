/**
 * Where the order goes: the saved addresses to pick from, and a new one: from WeChat's address
 * book on weapp (saved to the server straight away), typed into a form on H5.
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { CheckMark } from '../../components/check-mark'
import { ErrorState } from '../../components/status'
import { chooseWechatAddress } from '../../lib/address'
import { userMessage } from '../../lib/api-error'
import { isWeapp } from '../../lib/env'
import { confirmModal, showToast } from '../../lib/page'
import { AddressForm } from './address-form'
import { addressLine } from './address-rules'
import type { Addresses } from './use-addresses'
import './address.scss'

export function AddressSection({ addresses: a }: { addresses: Addresses }) {
  const [formOpen, setFormOpen] = useState(false)
  const [picking, setPicking] = useState(false)

  const pickFromWechat = async () => {
    if (picking) return
    setPicking(true)
    try {
      const input = await chooseWechatAddress()
      if (input) await a.add(input)
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setPicking(false)
    }
  }

  const remove = async (id: number) => {
    if (!(await confirmModal({ title: '删除地址', content: '确定删除这个收货地址吗？', confirmText: '删除' }))) return
    try {
      await a.remove(id)
    } catch (err) {
      showToast(userMessage(err))
    }
  }

  if (a.status === 'error') return <ErrorState message={userMessage(a.error)} onRetry={a.reload} />
  const showForm = !isWeapp && (formOpen || (a.status === 'ready' && a.items.length === 0))

  return (
    <View className="checkout__block" id="checkout-address">
      <Text className="checkout__heading">收货地址</Text>
      {a.status === 'loading' ? <Text className="checkout__muted">加载中…</Text> : null}
      {a.items.map((addr) => {
        const selected = addr.id === a.selectedId
        return (
          <View
            key={addr.id}
            id={`address-item-${addr.id}`}
            className={`address-item${selected ? ' address-item--selected' : ''}`}
            onClick={() => a.select(addr.id)}
          >
            <CheckMark checked={selected} onToggle={() => a.select(addr.id)} />
            <View className="address-item__body">
              <Text className="address-item__who">
                {addr.name} {addr.phone}
              </Text>
              <Text className="address-item__line">{addressLine(addr)}</Text>
            </View>
            <Text
              id={`address-delete-${addr.id}`}
              className="address-item__delete"
              onClick={(e) => {
                e.stopPropagation()
                void remove(addr.id)
              }}
            >
              删除
            </Text>
          </View>
        )
      })}
      {a.status === 'ready' && a.items.length === 0 && isWeapp ? <Text className="checkout__muted">还没有收货地址</Text> : null}
      {isWeapp ? (
        <Button id="address-choose-wechat" className="checkout__secondary" loading={picking || undefined} disabled={picking || undefined} onClick={pickFromWechat}>
          从微信选择收货地址
        </Button>
      ) : showForm ? (
        <AddressForm
          onSave={async (input) => {
            await a.add(input)
            setFormOpen(false)
          }}
          onCancel={a.items.length > 0 ? () => setFormOpen(false) : undefined}
        />
      ) : a.status === 'ready' ? (
        <Button id="address-new" className="checkout__secondary" onClick={() => setFormOpen(true)}>
          新增收货地址
        </Button>
      ) : null}
    </View>
  )
}
