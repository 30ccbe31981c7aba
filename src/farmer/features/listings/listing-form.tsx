/**
 * The listing form, one step per screen: 照片 → 名称与介绍 → 规格与价格 → 采摘与发货.
 * Every change is saved as a local draft; submitting shows plainly whether it is on sale,
 * waiting for the cooperative, or refused (and why).
 */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { CategoryDto } from '@contracts/catalog'
import type { ListingSavedDto } from '@contracts/farmer-listings'
import { fetchCategories, createListing, updateListing } from './api'
import { DatesStep } from './dates-step'
import { draftToInput, STEPS, stepProblem, type ListingDraft } from './draft'
import { listingErrorMessage } from './labels'
import { PhotoStep } from './photo-step'
import { SpecStep } from './spec-step'
import { TextStep } from './text-step'
import { clearDraft, useListingDraft } from './use-draft'
import './listings.scss'

interface Props {
  initial: ListingDraft
  /** The draft came back from the phone's storage (shown as a note with a way to start over). */
  restored?: boolean
  onDiscard?: () => void
  onSaved: (saved: ListingSavedDto) => void
}

export function ListingForm({ initial, restored = false, onDiscard, onSaved }: Props) {
  const { draft, update } = useListingDraft(initial)
  const [categories, setCategories] = useState<CategoryDto[]>([])
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    fetchCategories().then(setCategories, () => setError('分类没有加载出来，请检查网络后重试'))
  }, [])

  const change = (patch: Partial<ListingDraft>) => {
    setError(null)
    update(patch)
  }
  const go = (step: number) => {
    if (step > draft.step) {
      const problem = stepProblem(draft, draft.step)
      if (problem) return setError(problem)
    }
    setError(null)
    update({ step })
  }

  const submit = async () => {
    if (saving) return
    const checked = draftToInput(draft)
    if (!checked.ok) {
      update({ step: checked.step })
      return setError(checked.message)
    }
    setSaving(true)
    setError(null)
    try {
      const saved = draft.productId === null ? await createListing(checked.input) : await updateListing(draft.productId, checked.input)
      clearDraft(draft.productId)
      onSaved(saved)
    } catch (err) {
      setError(listingErrorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  const last = draft.step === STEPS.length - 1
  return (
    <View className="lf">
      <View className="lf__steps">
        {STEPS.map((name, i) => (
          <Text key={name} className={`lf__step${i === draft.step ? ' lf__step--on' : ''}`} onClick={() => (i < draft.step ? go(i) : undefined)}>
            {`${i + 1} ${name}`}
          </Text>
        ))}
      </View>
      {restored ? (
        <Text className="lf__hint" onClick={onDiscard}>
          已恢复上次没提交的内容。点这里重新开始
        </Text>
      ) : null}
      {error ? (
        <Text id="listing-error" className="lf__error">
          {error}
        </Text>
      ) : null}
      {draft.step === 0 ? (
        <PhotoStep
          photos={draft.photos}
          onAdd={(photo) => update((d) => ({ ...d, photos: [...d.photos, photo] }))}
          onRemove={(key) => update((d) => ({ ...d, photos: d.photos.filter((p) => p.key !== key) }))}
        />
      ) : null}
      {draft.step === 1 ? <TextStep draft={draft} categories={categories} onChange={change} /> : null}
      {draft.step === 2 ? <SpecStep
          specs={draft.specs}
          onChange={(next) => {
            setError(null)
            update((d) => ({ ...d, specs: next(d.specs) }))
          }}
        /> : null}
      {draft.step === 3 ? <DatesStep draft={draft} onChange={change} /> : null}
      <View className="lf__bar">
        {draft.step > 0 ? (
          <Button id="listing-back" className="lf__btn" onClick={() => go(draft.step - 1)}>
            上一步
          </Button>
        ) : null}
        {last ? (
          <Button id="listing-submit" className="lf__btn lf__btn--primary" disabled={saving || undefined} onClick={submit}>
            {saving ? '正在提交…' : draft.productId === null ? '提交上架' : '保存修改'}
          </Button>
        ) : (
          <Button id="listing-next" className="lf__btn lf__btn--primary" onClick={() => go(draft.step + 1)}>
            下一步
          </Button>
        )}
      </View>
    </View>
  )
}
