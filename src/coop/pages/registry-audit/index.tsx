/** 查看与导出记录: who saw a full 户编号, changed a status, imported a county list or exported the report, newest first, a page at a time. */
import { Text, View } from '@tarojs/components'
import { PagedList } from '../../../components/paged-list'
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom } from '../../../lib/page'
import { useCursorList } from '../../../lib/use-cursor-list'
import { AuditEntry, auditPage } from '../../features/households'
import { coopPage } from '../../shared/coop-gate'
import '../../shared/coop.scss'

function RegistryAudit() {
  const list = useCursorList('registry-audit', auditPage)
  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    void list.refresh().finally(stopPullDownRefresh)
  })
  return (
    <View className="hh">
      <Text className="hh-note">户编号和在册状态是社员的个人信息：每次查看完整户编号、变更状态、导入名单和导出报表都记在这里。</Text>
      <PagedList list={list} className="c-card" emptyText="还没有记录" emptyHint="查看社员的完整户编号、导入名单或导出报表后会出现在这里">
        <View id="audit-list">
          {list.items.map((e) => (
            <AuditEntry key={e.id} entry={e} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

export default coopPage(RegistryAudit)
