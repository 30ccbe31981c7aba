/**
 * Which column of the county's list holds which field (户编号 and 户主姓名 required; 状态, 日期, 村
 * optional). Starts from the mapping the server used (remembered from the last import, or read off
 * the header); when the server could not read both required columns off the header, the manager
 * picks them. 按这样核对 sends it and the server matches the list again.
 */
import { Button, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ImportField, ImportMappingDto, ImportProposalDto } from '@contracts/households'
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from './labels'

type Draft = Partial<Record<ImportField, string>>

/** The draft as the API takes it; null until both required fields are chosen. */
export function mappingOf(draft: Draft): ImportMappingDto | null {
  if (!draft.registryNo || !draft.headName) return null
  const mapping: ImportMappingDto = { registryNo: draft.registryNo, headName: draft.headName }
  if (draft.status) mapping.status = draft.status
  if (draft.since) mapping.since = draft.since
  if (draft.village) mapping.village = draft.village
  return mapping
}

const sameMapping = (a: ImportMappingDto | null, b: ImportMappingDto | null) =>
  a !== null && b !== null && IMPORT_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''))

const SKIP = '不导入'

export function ImportMapping({ proposal, busy, onSave }: { proposal: ImportProposalDto; busy: boolean; onSave: (mapping: ImportMappingDto) => void }) {
  const [draft, setDraft] = useState<Draft>(() => proposal.mapping ?? {})
  const mapping = mappingOf(draft)
  const columns = IMPORT_FIELDS.flatMap((f) => (draft[f] ? [draft[f]] : []))
  // The server refuses one column for two fields: say so here instead.
  const repeated = new Set(columns).size < columns.length
  const off = busy || mapping === null || repeated || sameMapping(mapping, proposal.mapping)
  return (
    <View id="import-mapping" className="c-card">
      <View className="c-card__title">
        <Text>对应的列</Text>
        <Text className="c-muted">{proposal.mappingRemembered ? '沿用上次' : ''}</Text>
      </View>
      <Text className="hh-note">表头是写着各列名称的那一行。选好每一项在名单的哪一列，户编号和户主姓名必选。</Text>
      {IMPORT_FIELDS.map((field) => {
        const required = REQUIRED_IMPORT_FIELDS.includes(field)
        const range = required ? proposal.header : [SKIP, ...proposal.header]
        const chosen = draft[field]
        const index = chosen ? range.indexOf(chosen) : required ? -1 : 0
        return (
          <Picker
            key={field}
            id={`map-${field}`}
            mode="selector"
            range={range}
            value={Math.max(0, index)}
            onChange={(e) => {
              const picked = range[Number(e.detail.value)]
              setDraft((d) => ({ ...d, [field]: picked === undefined || (!required && picked === SKIP) ? undefined : picked }))
            }}
          >
            <View className="hh-field">
              <Text>
                {IMPORT_FIELD_LABELS[field]}
                {required ? '（必选）' : ''}
              </Text>
              <Text id={`map-${field}-value`} className={`hh-field__value${chosen ? '' : ' hh-field__value--empty'}`}>
                {chosen ?? (required ? '请选择' : SKIP)} ›
              </Text>
            </View>
          </Picker>
        )
      })}
      {repeated ? <Text className="hh-error">一列只能对应一项，请重新选择</Text> : null}
      {proposal.mapping === null && !repeated ? <Text className="hh-error">{mapping ? '选好了，点“按这样核对”开始核对名单' : '请先选好户编号和户主姓名对应的列'}</Text> : null}
      <View className="c-actions">
        <Button id="import-map-save" className={`c-button c-button--ghost${off ? ' c-button--off' : ''}`} disabled={off} onClick={() => mapping && onSave(mapping)}>
          按这样核对
        </Button>
      </View>
    </View>
  )
}
