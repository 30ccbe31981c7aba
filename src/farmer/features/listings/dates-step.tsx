/** Step 4: the harvest window, and whether it ships now or from a later day (pre-sale). */
import { Picker, Text, View } from '@tarojs/components'
import { formatChinaDay } from '@domain/dates'
import type { ListingDraft } from './draft'

interface Props {
  draft: ListingDraft
  onChange: (change: Partial<ListingDraft>) => void
}

function DateField({ id, label, value, onPick }: { id: string; label: string; value: string; onPick: (day: string) => void }) {
  return (
    <View>
      <Text className="lf__label">{label}</Text>
      <Picker mode="date" value={value} onChange={(e) => onPick(String(e.detail.value))}>
        <View id={id} className="lf__date">
          {formatChinaDay(value)}
        </View>
      </Picker>
    </View>
  )
}

export function DatesStep({ draft, onChange }: Props) {
  return (
    <View className="lf__card">
      <DateField id="harvest-start" label="采摘开始" value={draft.harvestStart} onPick={(harvestStart) => onChange({ harvestStart })} />
      <DateField id="harvest-end" label="采摘结束" value={draft.harvestEnd} onPick={(harvestEnd) => onChange({ harvestEnd })} />
      <Text className="lf__label">什么时候发货</Text>
      <View className="lf__chips">
        <View id="ships-now" className={`lf__chip${draft.presale ? '' : ' lf__chip--on'}`} onClick={() => onChange({ presale: false })}>
          现在就能发货
        </View>
        <View id="ships-later" className={`lf__chip${draft.presale ? ' lf__chip--on' : ''}`} onClick={() => onChange({ presale: true })}>
          预售，以后发货
        </View>
      </View>
      {draft.presale ? <DateField id="ships-from" label="从哪天开始发货" value={draft.shipsFrom} onPick={(shipsFrom) => onChange({ shipsFrom })} /> : null}
    </View>
  )
}
