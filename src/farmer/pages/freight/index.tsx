/**
 * 运费: which freight template prices this farmer's orders (their own, the cooperative's, or
 * none: 包邮), as a table; set their own (same editor as the cooperative's) or go back to the
 * cooperative's (DELETE /api/v1/farmer/freight-template).
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { FarmerFreightDto } from '@contracts/freight'
import { ErrorState, LoadingState } from '../../../components/status'
import { farmerFreightApi, FreightEditor, TemplateTable } from '../../../features/freight'
import { userMessage } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { FarmerSignIn, useIsFarmer } from '../../shared/farmer-gate'
import '../../features/fulfilment/fulfilment.scss'
import './index.scss'

const SOURCE_WORDS: Record<FarmerFreightDto['source'], string> = {
  own: '使用我自己的运费模板',
  cooperative: '使用合作社的运费模板',
  none: '包邮',
}

const SOURCE_HINTS: Record<FarmerFreightDto['source'], string> = {
  own: '买家下单时按下面这张表算运费。想和合作社一样，可以改回合作社的模板。',
  cooperative: '合作社设好了运费，你的订单按下面这张表算运费。也可以自己单独设置。',
  none: '合作社还没有设置运费模板，你的商品现在都免运费。可以自己设置运费。',
}

function Summary({ freight, busy, onEdit, onReset }: { freight: FarmerFreightDto; busy: boolean; onEdit: () => void; onReset: () => void }) {
  return (
    <View>
      <View className="ff-source">
        <Text id="freight-source" className="ff-source__title">
          {SOURCE_WORDS[freight.source]}
        </Text>
        <Text className="ff-source__hint">{SOURCE_HINTS[freight.source]}</Text>
      </View>
      {freight.applies ? <TemplateTable id="freight-applies" template={freight.applies} /> : null}
      <Button id="freight-edit" className="ff-button" onClick={onEdit}>
        {freight.source === 'own' ? '修改我的运费模板' : '自己设置运费'}
      </Button>
      {freight.source === 'own' ? (
        <Button id="freight-reset" className={`ff-button ff-button--ghost${busy ? ' ff-button--off' : ''}`} disabled={busy || undefined} onClick={onReset}>
          {freight.cooperativeDefault ? '改回合作社的运费模板' : '不用自己的模板（包邮）'}
        </Button>
      ) : null}
    </View>
  )
}

export default function FarmerFreightPage() {
  const isFarmer = useIsFarmer()
  const freight = useResource(isFarmer ? 'farmer-freight' : null, farmerFreightApi.get)
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)

  if (!isFarmer) return <FarmerSignIn />
  const { state } = freight
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={userMessage(state.error)} onRetry={freight.retry} />
  const data = state.data

  const reset = async () => {
    const ok = await confirmModal({
      title: '改回合作社的运费',
      content: data.cooperativeDefault ? '你自己的运费模板会删掉，以后按合作社的模板算运费。' : '你自己的运费模板会删掉，合作社还没有模板，以后都包邮。',
      confirmText: '改回',
    })
    if (!ok) return
    setBusy(true)
    try {
      await farmerFreightApi.reset()
      showToast('已改回合作社的运费')
      await freight.refresh()
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="f-page ff-page">
      {editing ? (
        <FreightEditor
          template={data.applies ?? data.cooperativeDefault}
          saveLabel="保存我的运费模板"
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            await farmerFreightApi.save(body)
            showToast('运费模板已保存')
            setEditing(false)
            await freight.refresh()
          }}
        />
      ) : (
        <Summary freight={data} busy={busy} onEdit={() => setEditing(true)} onReset={reset} />
      )}
    </View>
  )
}
