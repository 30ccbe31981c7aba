/** The cooperative's commission, in percent with up to two decimals (0–30 %). */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MAX_COMMISSION_BPS } from '@domain/settlement'

/** "5" → 500 bps, "2.75" → 275; null when it is not a valid rate. */
export function parsePercent(text: string): number | null {
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text.trim())) return null
  const bps = Math.round(Number(text.trim()) * 100)
  return bps <= MAX_COMMISSION_BPS ? bps : null
}

export function CommissionEditor({ bps, busy, onSave }: { bps: number; busy: boolean; onSave: (bps: number) => void }) {
  const [text, setText] = useState(String(bps / 100))
  const parsed = parsePercent(text)
  return (
    <View className="c-card">
      <View className="c-card__title">
        <Text>合作社佣金</Text>
        <Text className="c-muted">当前 {bps / 100}%</Text>
      </View>
      <View className="c-actions c-actions--form">
        <Input id="commission-input" className="c-input" type="digit" value={text} maxlength={5} onInput={(e) => setText(e.detail.value)} />
        <Text>%</Text>
        <Button id="commission-save" className={`c-button c-button--small${busy || parsed === null || parsed === bps ? ' c-button--off' : ''}`} disabled={busy || parsed === null || parsed === bps} onClick={() => parsed !== null && onSave(parsed)}>
          保存
        </Button>
      </View>
      <Text className="c-muted">按净销售额（销售额减退款）计，0–30%，从下一次确认的结算单起生效。</Text>
    </View>
  )
}
