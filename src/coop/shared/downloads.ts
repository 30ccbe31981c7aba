/** The cooperative's report downloads (CSV / Excel), shared by every page with a download button. */
import { downloadFile } from '../../lib/download'

export type Download = 'weekly.csv' | 'weekly.xlsx' | 'impact.csv' | 'settlements.csv'

const FILE_NAMES: Record<Download, string> = {
  'weekly.csv': '乡集周报',
  'weekly.xlsx': '乡集周报',
  'impact.csv': '乡集帮扶收入',
  'settlements.csv': '乡集结算单',
}

export function downloadReport(file: Download, week: string): Promise<void> {
  const ext = file.split('.').pop()
  return downloadFile(`/api/v1/coop/reports/${file}`, { week }, `${FILE_NAMES[file]}-${week}.${ext}`)
}
