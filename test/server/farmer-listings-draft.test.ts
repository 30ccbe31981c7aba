/** The farmer's listing form model (src/farmer/features/listings/draft.ts): pure, so tested here with the API's rules. */
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { ListingInput } from '@contracts/farmer-listings'
import { draftFromListing, draftToInput, emptyDraft, jinToGrams, needsWeight, newSpec, specName, stepProblem, withUnit, type ListingDraft } from '../../src/farmer/features/listings/draft'

const filled = (overrides: Partial<ListingDraft> = {}): ListingDraft => ({
  ...emptyDraft('2026-10-01'),
  photos: [{ key: 'u/abc', thumbUrl: '/media/u/abc.thumb.jpg' }],
  title: ' 高山苹果 ',
  categoryId: 'fruit',
  specs: [{ ...newSpec(), price: '12.8', stock: '30' }],
  ...overrides,
})

describe('listing draft', () => {
  it('starts with sensible defaults: harvest from today for 30 days, sold by the 斤, ships now', () => {
    const d = emptyDraft('2026-10-01')
    expect(d).toMatchObject({ step: 0, harvestStart: '2026-10-01', harvestEnd: '2026-10-31', presale: false, specs: [{ unit: '斤', weightJin: '1' }] })
  })

  it('turns what was typed into the API input: 元 → fen, 斤 → grams, a name when none was given', () => {
    const checked = draftToInput(filled())
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.input).toEqual({
      title: '高山苹果',
      description: '',
      categoryId: 'fruit',
      photos: ['u/abc'],
      harvestStart: '2026-10-01',
      harvestEnd: '2026-10-31',
      shipsFrom: null,
      specs: [{ name: '1斤', priceFen: 1280, unit: '斤', netWeightG: 500, stock: 30 }],
    })
    const ajv = new Ajv({ strict: false })
    addFormats(ajv)
    expect(ajv.validate(ListingInput, checked.input)).toBe(true) // what the API accepts
  })

  it('a box asks for its weight and is named from it', () => {
    const box = withUnit(newSpec(), '箱')
    expect(box.weightJin).toBe('')
    expect(needsWeight(box)).toBe(true)
    expect(needsWeight(newSpec())).toBe(false)
    expect(specName({ ...box, weightJin: '10' })).toBe('10斤装')
    expect(jinToGrams('2.5')).toBe(1250)
    expect(jinToGrams('2.55')).toBeNull()
    const back = withUnit({ ...box, weightJin: '10' }, 'kg')
    expect(back).toMatchObject({ weightJin: '2', askWeight: false })
  })

  it.each([
    [{ photos: [] }, 0, '请至少添加一张照片'],
    [{ title: '  ' }, 1, '请填写商品名称'],
    [{ categoryId: '' }, 1, '请选择商品分类'],
    [{ specs: [{ ...newSpec(), price: '12.345', stock: '1' }] }, 2, '最多两位小数'],
    [{ specs: [{ ...newSpec(), price: '0', stock: '1' }] }, 2, '价格要大于0'],
    [{ specs: [{ ...newSpec(), price: '1', stock: '1.5' }] }, 2, '库存请填整数'],
    [{ specs: [{ ...newSpec(), price: '1', stock: '1' }, { ...newSpec(), price: '2', stock: '1' }] }, 2, '重名'],
    [{ harvestEnd: '2026-09-01' }, 3, '不能早于'],
    [{ presale: true, shipsFrom: '2027-01-01' }, 3, '采摘期内'],
  ])('%j stops at step %d saying "%s"', (overrides, step, message) => {
    const checked = draftToInput(filled(overrides as Partial<ListingDraft>))
    expect(checked).toMatchObject({ ok: false, step })
    if (!checked.ok) expect(checked.message).toContain(message)
    expect(stepProblem(filled(overrides as Partial<ListingDraft>), step)).toContain(message)
  })

  it('round-trips a saved listing, keeping spec ids and an unusual weight per 斤', () => {
    const draft = draftFromListing({
      id: 7, title: '苹果', description: '甜', categoryId: 'fruit', origin: '威宁', photos: [{ key: 'demo/a', url: '/media/demo/a.jpg', thumbUrl: '/media/demo/a.thumb.jpg' }],
      harvestStart: '2026-09-01', harvestEnd: '2026-12-31', shipsFrom: '2026-09-01', status: 'on_sale', reviewStatus: 'approved', reviewNote: null, hasOrders: false,
      specs: [{ id: 3, name: '5斤装', priceFen: 2990, unit: '斤', netWeightG: 2500, parcelWeightG: null, stock: 4 }], updatedAt: '2026-10-01T00:00:00.000Z',
    })
    expect(draft.specs[0]).toMatchObject({ id: 3, price: '29.9', weightJin: '5', askWeight: true })
    const checked = draftToInput(draft)
    // the stock the form started from goes along, so the server applies the farmer's change
    expect(checked.ok && checked.input.specs[0]).toEqual({ id: 3, name: '5斤装', priceFen: 2990, unit: '斤', netWeightG: 2500, stock: 4, stockWas: 4 })
    expect(checked.ok && checked.input.shipsFrom).toBe('2026-09-01')
  })

  it('sends the parcel weight typed in 斤 or 公斤 as grams, null once emptied, and refuses one lighter than the net weight', () => {
    const spec = (parcelWeight: string, parcelUnit?: '斤' | 'kg') => filled({ specs: [{ ...newSpec(), unit: '箱', weightJin: '10', price: '26.8', stock: '5', parcelWeight, parcelUnit }] })
    const parcelOf = (d: ListingDraft) => {
      const checked = draftToInput(d)
      return checked.ok ? checked.input.specs[0].parcelWeightG : checked.message
    }
    expect(parcelOf(spec('11'))).toBe(5500)
    expect(parcelOf(spec('5.5', 'kg'))).toBe(5500)
    expect(parcelOf(spec(''))).toBeNull()
    expect(parcelOf(spec('9'))).toContain('不能比净重轻')
    expect(parcelOf(spec('5.55', 'kg'))).toContain('包装后重量请填公斤数')
    const ajv = new Ajv({ strict: false })
    addFormats(ajv)
    const checked = draftToInput(spec('11'))
    expect(checked.ok && ajv.validate(ListingInput, checked.input)).toBe(true)
    // a saved parcel weight comes back in 斤
    const back = draftFromListing({
      id: 8, title: '洋芋', description: '', categoryId: 'vegetables', origin: '威宁', photos: [], harvestStart: '2026-09-01', harvestEnd: '2026-12-31', shipsFrom: null,
      status: 'on_sale', reviewStatus: 'approved', reviewNote: null, hasOrders: false, updatedAt: '2026-10-01T00:00:00.000Z',
      specs: [{ id: 4, name: '10斤装', priceFen: 2680, unit: '箱', netWeightG: 5000, parcelWeightG: 5500, stock: 5 }],
    })
    expect(back.specs[0]).toMatchObject({ parcelWeight: '11', parcelUnit: '斤' })
  })
})
