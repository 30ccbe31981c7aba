/**
 * Setting a member's household status: 户编号, 户主姓名, 在册 / 已脱贫 / 监测户 and the day it began
 * (today unless changed); and 移出名单, the last day the household was on the registry.
 * The page confirms before anything is saved.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { HouseholdDetailDto, SetHouseholdBodyDto } from '@contracts/households'
import { chinaDate } from '@domain/china-time'
import { firstStatusDay, HOUSEHOLD_STATUSES, normalizeRegistryNo, REGISTRY_NO_PATTERN, type HouseholdStatus } from '@domain/households'
import { catalogMessage } from '../../../lib/api-error'
import { DateField } from './date-field'
import { formatDate, HOUSEHOLD_STATUS_LABELS } from './labels'

const button = (off: boolean, ghost = false) => `c-button${ghost ? ' c-button--ghost' : ''}${off ? ' c-button--off' : ''}`

/** What the form holds → the body to send, or the reason it cannot be sent yet. */
export function statusBody(form: { registryNo: string; headName: string; status: HouseholdStatus; since: string }): SetHouseholdBodyDto | string {
  const registryNo = normalizeRegistryNo(form.registryNo)
  if (!REGISTRY_NO_PATTERN.test(registryNo)) return catalogMessage('INVALID_REGISTRY_NO')
  const headName = form.headName.trim()
  if (!headName) return '请填写户主姓名'
  return { registryNo, headName, status: form.status, since: form.since }
}

interface StatusFormProps {
  detail: HouseholdDetailDto
  busy: boolean
  onSave: (body: SetHouseholdBodyDto) => void
}

/** The household's open period: none once it was taken off the registry, even on its last day. */
const openPeriod = (detail: HouseholdDetailDto) => detail.history.find((p) => p.endedOn === null) ?? null

export function StatusForm({ detail, busy, onSave }: StatusFormProps) {
  const today = chinaDate()
  // The server's rule: not before the open status began, nor on or before the day the household was last taken off.
  const first = firstStatusDay(detail.history) ?? undefined
  const [registryNo, setRegistryNo] = useState(detail.registryNo ?? '')
  const [headName, setHeadName] = useState(detail.headName || detail.name)
  const [status, setStatus] = useState<HouseholdStatus>(detail.current?.status ?? 'registered')
  const [since, setSince] = useState(today)
  const [tried, setTried] = useState(false)
  if (first !== undefined && first > today) {
    return (
      <View id="household-form" className="c-card">
        <Text id="household-form-later" className="hh-note">
          今天已移出名单，{formatDate(first)}起才能重新登记。
        </Text>
      </View>
    )
  }
  const body = statusBody({ registryNo, headName, status, since })
  const save = () => {
    setTried(true)
    if (typeof body !== 'string') onSave(body)
  }
  return (
    <View id="household-form" className="c-card">
      <View className="c-card__title">
        <Text>{openPeriod(detail) ? '变更状态' : '登记在册'}</Text>
      </View>
      <Text className="hh-label">户编号</Text>
      <Input id="household-form-no" className="hh-input" type="text" maxlength={40} value={registryNo} placeholder="县里发的户编号" onInput={(e) => setRegistryNo(e.detail.value)} />
      <Text className="hh-label">户主姓名</Text>
      <Input id="household-form-head" className="hh-input" type="text" maxlength={40} value={headName} onInput={(e) => setHeadName(e.detail.value)} />
      <Text className="hh-label">状态</Text>
      <View className="hh-chips">
        {HOUSEHOLD_STATUSES.map((s) => (
          <Text key={s} id={`household-form-status-${s}`} className={`hh-chip${s === status ? ' hh-chip--on' : ''}`} onClick={() => setStatus(s)}>
            {HOUSEHOLD_STATUS_LABELS[s]}
          </Text>
        ))}
      </View>
      <DateField id="household-form-since" label="起始日期" value={since} start={first} end={today} onChange={setSince} />
      {tried && typeof body === 'string' ? (
        <Text id="household-form-error" className="hh-error">
          {body}
        </Text>
      ) : null}
      <View className="c-actions">
        <Button id="household-save" className={button(busy)} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}

export function EndForm({ detail, busy, onEnd }: { detail: HouseholdDetailDto; busy: boolean; onEnd: (endedOn: string) => void }) {
  const today = chinaDate()
  const [endedOn, setEndedOn] = useState(today)
  const open = openPeriod(detail)
  if (!open) return null
  return (
    <View id="household-end-form" className="c-card">
      <View className="c-card__title">
        <Text>移出名单</Text>
      </View>
      <Text className="hh-note">这户不再在县里的名单上时使用：填最后在册的那一天，之后的销售不再计入在册户收入。</Text>
      <DateField id="household-end-date" label="最后在册日" value={endedOn} start={open.startedOn} end={today} onChange={setEndedOn} />
      <View className="c-actions">
        <Button id="household-end" className={button(busy, true)} disabled={busy} onClick={() => onEnd(endedOn)}>
          移出名单
        </Button>
      </View>
    </View>
  )
}
