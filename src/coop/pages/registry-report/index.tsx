/**
 * 在册户收入: per week, month or year, the income that reached the cooperative's registered
 * households (sales on days they were on the register, less the refunds they bore), how many
 * households, orders and 斤, by village and by household (numbers masked); the same figures as
 * xlsx for the county office (the export is audited and says who made it); the audit log.
 */
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { userMessage } from '../../../lib/api-error'
import { openPage } from '../../../lib/navigation'
import { showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { currentPeriodAt, householdRoutes, householdsApi, PeriodPicker, ReportByHousehold, ReportByVillage, ReportTotals, type PeriodChoice } from '../../features/households'
import { coopPage } from '../../shared/coop-gate'
import { Loaded } from '../../shared/loaded'
import '../../shared/coop.scss'

function ExportButton({ choice }: { choice: PeriodChoice }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (busy) return
    setBusy(true)
    try {
      await householdsApi.exportReport(choice.period, choice.at)
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button id="registry-export" className={`c-button${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={run}>
      {busy ? '导出中…' : '导出 Excel（给县里核对）'}
    </Button>
  )
}

function RegistryReport() {
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ period: 'month', at: currentPeriodAt('month') }))
  const resource = useResource(`registry-report:${choice.period}:${choice.at}`, () => householdsApi.report(choice.period, choice.at))
  return (
    <View className="hh">
      <PeriodPicker value={choice} onChange={setChoice} />
      <Loaded resource={resource}>
        {(report) => (
          <View>
            <Text className="c-muted">
              {report.cooperative.name} · {report.cooperative.county}
            </Text>
            <ReportTotals report={report} />
            <ReportByVillage rows={report.byVillage} />
            <ReportByHousehold rows={report.byHousehold} />
          </View>
        )}
      </Loaded>
      <View className="c-actions">
        <ExportButton choice={choice} />
      </View>
      <Text className="hh-note">导出的表格带完整户编号，并写明是谁、什么时候导出的；每次导出都会留痕。</Text>
      <Text id="open-registry-audit" className="hh-link" onClick={() => openPage(householdRoutes.audit)}>
        查看记录（谁看过、谁导出过） ›
      </Text>
    </View>
  )
}

export default coopPage(RegistryReport)
