/** Step 3: how it is sold. Price in 元 (converted to fen), unit 斤 by default, weight in 斤, stock. */
import { Input, Text, View } from '@tarojs/components'
import { LIMITS } from '@domain/limits'
import { UNITS, type Unit } from '@domain/units'
import { needsWeight, newSpec, specName, UNIT_WORDS, withUnit, type DraftSpec, type ParcelUnit } from './draft'

interface Props {
  specs: DraftSpec[]
  /** Changes arrive as updates of the latest specs, so quick successive inputs never undo each other. */
  onChange: (update: (specs: DraftSpec[]) => DraftSpec[]) => void
}

const UNIT_IDS: Record<Unit, string> = { 斤: 'jin', kg: 'kg', 箱: 'box', 个: 'piece' }
const PARCEL_UNITS: readonly { unit: ParcelUnit; id: string; word: string }[] = [
  { unit: '斤', id: 'jin', word: '斤' },
  { unit: 'kg', id: 'kg', word: '公斤' },
]

/** 包装后重量 (optional): what the parcel weighs with its box, for the shipping fee. */
function ParcelWeightField({ index: i, spec: s, onChange }: { index: number; spec: DraftSpec; onChange: (change: Partial<DraftSpec>) => void }) {
  const unit = s.parcelUnit ?? '斤'
  return (
    <View>
      <Text className="lf__label">{`包装后重量（选填，${unit === 'kg' ? '公斤' : '斤'}）`}</Text>
      <View className="lf__row">
        <View className="lf__col">
          <Input id={`spec-${i}-parcel`} className="lf__input" type="digit" value={s.parcelWeight ?? ''} placeholder="连箱子一起称" onInput={(e) => onChange({ parcelWeight: e.detail.value })} />
        </View>
        {PARCEL_UNITS.map((u) => (
          <View key={u.id} id={`spec-${i}-parcel-${u.id}`} className={`lf__chip lf__parcel-unit${unit === u.unit ? ' lf__chip--on' : ''}`} onClick={() => onChange({ parcelUnit: u.unit })}>
            {u.word}
          </View>
        ))}
      </View>
      <Text className="lf__parcel-hint">用于计算运费，不填按净重</Text>
    </View>
  )
}

export function SpecStep({ specs, onChange }: Props) {
  const set = (i: number, change: (spec: DraftSpec) => DraftSpec) => onChange((list) => list.map((s, j) => (j === i ? change(s) : s)))
  return (
    <View>
      {specs.map((s, i) => {
        const word = UNIT_WORDS[s.unit]
        return (
          <View key={s.id ?? `new-${i}`} className="lf__card">
            <View className="lf__spec-head">
              <Text className="lf__title">{specs.length > 1 ? `规格 ${i + 1}` : '怎么卖'}</Text>
              {specs.length > 1 ? (
                <Text id={`spec-${i}-remove`} className="lf__link" onClick={() => onChange((list) => list.filter((_, j) => j !== i))}>
                  删除
                </Text>
              ) : null}
            </View>
            <Text className="lf__label">按什么卖</Text>
            <View className="lf__chips">
              {UNITS.map((u) => (
                <View key={u} id={`spec-${i}-unit-${UNIT_IDS[u]}`} className={`lf__chip${s.unit === u ? ' lf__chip--on' : ''}`} onClick={() => set(i, (spec) => withUnit(spec, u))}>
                  {UNIT_WORDS[u]}
                </View>
              ))}
            </View>
            <View className="lf__row">
              <View className="lf__col">
                <Text className="lf__label">{`每${word}价格（元）`}</Text>
                <Input id={`spec-${i}-price`} className="lf__input" type="digit" value={s.price} placeholder="如 12.8" onInput={(e) => set(i, (spec) => ({ ...spec, price: e.detail.value }))} />
              </View>
              <View className="lf__col">
                <Text className="lf__label">{`库存（${word}）`}</Text>
                <Input id={`spec-${i}-stock`} className="lf__input" type="number" value={s.stock} placeholder="如 50" onInput={(e) => set(i, (spec) => ({ ...spec, stock: e.detail.value }))} />
              </View>
            </View>
            {needsWeight(s) ? (
              <View>
                <Text className="lf__label">{`每${word}净重（斤）`}</Text>
                <Input id={`spec-${i}-weight`} className="lf__input" type="digit" value={s.weightJin} placeholder="如 5" onInput={(e) => set(i, (spec) => ({ ...spec, weightJin: e.detail.value }))} />
              </View>
            ) : null}
            <ParcelWeightField index={i} spec={s} onChange={(change) => set(i, (spec) => ({ ...spec, ...change }))} />
            <Text className="lf__label">规格名称（可不填）</Text>
            <Input
              id={`spec-${i}-name`}
              className="lf__input"
              value={s.name}
              maxlength={LIMITS.specNameMax}
              placeholder={specName({ ...s, name: '' }) || '如：5斤装'}
              onInput={(e) => set(i, (spec) => ({ ...spec, name: e.detail.value }))}
            />
          </View>
        )
      })}
      {specs.length < LIMITS.specsMax ? (
        <View id="spec-add" className="lf__chip" onClick={() => onChange((list) => (list.length < LIMITS.specsMax ? [...list, newSpec()] : list))}>
          + 再加一个规格
        </View>
      ) : null}
    </View>
  )
}
