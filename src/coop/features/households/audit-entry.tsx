/** One line of the registry audit log: when, who, what (查看了完整户编号, 导出了2026年11月报表 …). */
import { Text, View } from '@tarojs/components'
import type { AuditEntryDto, AuditPageDto } from '@contracts/households'
import { formatChinaDateTime } from '@domain/china-time'
import type { CursorPage } from '../../../lib/use-cursor-list'
import { householdsApi } from './api'

/** A page of the audit log as useCursorList takes it. */
export async function auditPage(cursor: string | null): Promise<CursorPage<AuditEntryDto>> {
  const page: AuditPageDto = await householdsApi.audit(cursor)
  return { items: page.entries, nextCursor: page.nextCursor }
}

export function AuditEntry({ entry }: { entry: AuditEntryDto }) {
  return (
    <View id={`audit-${entry.id}`} className="hh-item">
      <View className="hh-item__head">
        <Text>{entry.userName}</Text>
        <Text className="hh-item__sub">{formatChinaDateTime(entry.at)}</Text>
      </View>
      <Text id={`audit-${entry.id}-summary`}>{entry.summary}</Text>
      {entry.farmerName || entry.rows !== null ? (
        <Text className="hh-item__sub">
          {entry.farmerName ? `社员：${entry.farmerName}` : ''}
          {entry.farmerName && entry.rows !== null ? ' · ' : ''}
          {entry.rows !== null ? `${entry.rows} 行` : ''}
        </Text>
      ) : null}
    </View>
  )
}
