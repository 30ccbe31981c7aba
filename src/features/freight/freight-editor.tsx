/**
 * Edits one freight template (运费模板): name, 按重量 / 按件, groups of provinces with the first
 * and each further weight (kg) or piece and their fees (元), 满多少包邮, 不发货地区, 发货地.
 * Used by the cooperative's page and the farmer's; large type and ≥ 48 px targets for both.
 */
import { useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { FreightTemplateBodyDto, FreightTemplateDto } from '@contracts/freight'
import { FREIGHT_BASES } from '@domain/freight'
import { userMessage } from '../../lib/api-error'
import { BASIS_WORDS, zonePlaces } from './labels'
import { ProvincePicker } from './province-picker'
import {
  draftFromTemplate,
  draftToBody,
  fieldWords,
  NAME_MAX,
  placeProvince,
  placesOf,
  SHIPS_FROM_MAX,
  withNewZone,
  withoutZone,
  ZONES_MAX,
  zoneTitle,
  type TemplateDraft,
  type ZoneDraft,
} from './template-draft'
import './freight.scss'

interface Props {
  /** The template to start from, or null for a new one. */
  template: FreightTemplateDto | null
  saveLabel?: string
  /** Saves; a rejection (ApiError) is shown under the form in Chinese. */
  onSave: (body: FreightTemplateBodyDto) => Promise<void>
  onCancel?: () => void
}

const NOT_SERVED = 'not-served'

export function FreightEditor({ template, saveLabel = '保存运费模板', onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<TemplateDraft>(() => draftFromTemplate(template))
  // What was typed last, even before the page has drawn it: a tap on 保存 right after typing saves it.
  const latest = useRef(draft)
  const [open, setOpen] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const change = (update: (d: TemplateDraft) => TemplateDraft) => {
    setProblem(null)
    latest.current = update(latest.current)
    setDraft(latest.current)
  }
  const places = placesOf(draft)
  const toggle = (key: string) => setOpen((cur) => (cur === key ? null : key))

  const save = async () => {
    if (saving) return
    const checked = draftToBody(latest.current)
    if (!checked.ok) {
      setProblem(checked.message)
      return
    }
    setSaving(true)
    try {
      await onSave(checked.body)
    } catch (err) {
      setProblem(userMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="fr-editor">
      <View className="fr-card">
        <Text className="fr-label">模板名称</Text>
        <Input id="freight-name" className="fr-input" value={draft.name} maxlength={NAME_MAX} placeholder="如：生鲜运费" onInput={(e) => change((d) => ({ ...d, name: e.detail.value }))} />
        <Text className="fr-label">怎么算运费</Text>
        <View className="fr-chips">
          {FREIGHT_BASES.map((b) => (
            <View key={b} id={`freight-basis-${b}`} className={`fr-chip fr-chip--wide${draft.basis === b ? ' fr-chip--on' : ''}`} onClick={() => change((d) => ({ ...d, basis: b }))}>
              {BASIS_WORDS[b]}
            </View>
          ))}
        </View>
        <Text className="fr-hint">{draft.basis === 'weight' ? '按包装后的重量算：首重多少钱，超出后每多一段重量加多少钱' : '按箱数、件数算：第一件多少钱，每多几件加多少钱'}</Text>
      </View>

      {draft.zones.map((z, i) => (
        <ZoneCard
          key={z.key}
          zone={z}
          index={i}
          draft={draft}
          pickerOpen={open === z.key}
          onTogglePicker={() => toggle(z.key)}
          onPick={(p) => change((d) => placeProvince(d, p, { zone: z.key }))}
          elsewhere={places}
          onChange={(next) => change((d) => ({ ...d, zones: d.zones.map((x) => (x.key === z.key ? { ...x, ...next } : x)) }))}
          onRemove={() => change((d) => withoutZone(d, z.key))}
        />
      ))}
      {draft.zones.length < ZONES_MAX ? (
        <View id="zone-add" className="fr-add" onClick={() => change(withNewZone)}>
          + 给某些省份单独设运费
        </View>
      ) : null}

      <View className="fr-card">
        <Text className="fr-label">满多少元包邮（元）</Text>
        <Input id="freight-free-from" className="fr-input" type="digit" value={draft.freeFrom} placeholder="如 99；不包邮就空着" onInput={(e) => change((d) => ({ ...d, freeFrom: e.detail.value }))} />
        <Text className="fr-hint">同一位农户的商品满这个金额免运费</Text>
      </View>

      <View className="fr-card">
        <Text className="fr-label">不发货地区</Text>
        <Text id="freight-not-served-list" className="fr-places">
          {draft.notServed.length > 0 ? zonePlaces(draft.notServed) : '没有：所有地区都发货'}
        </Text>
        <Text className="fr-hint">生鲜寄不到或路上太久的地方。这些地区的买家下不了单。</Text>
        <View id="freight-not-served-toggle" className="fr-link" onClick={() => toggle(NOT_SERVED)}>
          {open === NOT_SERVED ? '收起' : '选择不发货地区'}
        </View>
        {open === NOT_SERVED ? <ProvincePicker idPrefix="not-served" selected={draft.notServed} elsewhere={places} onToggle={(p) => change((d) => placeProvince(d, p, 'notServed'))} /> : null}
      </View>

      <View className="fr-card">
        <Text className="fr-label">发货地</Text>
        <Input id="freight-ships-from" className="fr-input" value={draft.shipsFrom} maxlength={SHIPS_FROM_MAX} placeholder="如：贵州省毕节市威宁县" onInput={(e) => change((d) => ({ ...d, shipsFrom: e.detail.value }))} />
        <Text className="fr-hint">商品页上写“发货地”给买家看</Text>
      </View>

      {problem ? (
        <Text id="freight-error" className="fr-error">
          {problem}
        </Text>
      ) : null}
      <View className="fr-actions">
        {onCancel ? (
          <Button id="freight-cancel" className="fr-button fr-button--ghost" onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id="freight-save" className={`fr-button${saving ? ' fr-button--off' : ''}`} disabled={saving || undefined} onClick={save}>
          {saving ? '保存中…' : saveLabel}
        </Button>
      </View>
    </View>
  )
}

interface ZoneProps {
  zone: ZoneDraft
  index: number
  draft: TemplateDraft
  pickerOpen: boolean
  onTogglePicker: () => void
  onPick: (province: string) => void
  elsewhere: ReadonlyMap<string, string>
  onChange: (next: Partial<ZoneDraft>) => void
  onRemove: () => void
}

function ZoneCard({ zone: z, index: i, draft, pickerOpen, onTogglePicker, onPick, elsewhere, onChange, onRemove }: ZoneProps) {
  const words = fieldWords(draft.basis)
  const field = (key: 'first' | 'firstFee' | 'step' | 'stepFee', label: string) => (
    <View className="fr-col">
      <Text className="fr-label fr-label--small">{label}</Text>
      <Input id={`zone-${i}-${key}`} className="fr-input" type="digit" value={z[key]} onInput={(e) => onChange({ [key]: e.detail.value })} />
    </View>
  )
  return (
    <View id={`zone-${i}`} className="fr-card">
      <View className="fr-card__head">
        <Text className="fr-card__title">{zoneTitle(z, i)}</Text>
        {z.fallback ? null : (
          <Text id={`zone-${i}-remove`} className="fr-link" onClick={onRemove}>
            删除
          </Text>
        )}
      </View>
      <Text className="fr-places">{z.fallback ? '没有单独设置的省份，都按这里算' : z.provinces.length > 0 ? zonePlaces(z.provinces) : '还没选省份'}</Text>
      {z.fallback ? null : (
        <View id={`zone-${i}-pick`} className="fr-link" onClick={onTogglePicker}>
          {pickerOpen ? '收起' : '选择省份'}
        </View>
      )}
      {pickerOpen ? <ProvincePicker idPrefix={`zone-${i}`} selected={z.provinces} elsewhere={elsewhere} onToggle={onPick} /> : null}
      <View className="fr-row">
        {field('first', words.first)}
        {field('firstFee', words.firstFee)}
      </View>
      <View className="fr-row">
        {field('step', words.step)}
        {field('stepFee', words.stepFee)}
      </View>
    </View>
  )
}
