/** A button that downloads one of the reports for the week (CSV or Excel). */
import { Button } from '@tarojs/components'
import { useState } from 'react'
import { userMessage } from '../../lib/api-error'
import { showToast } from '../../lib/page'
import { downloadReport, type Download } from './downloads'

export function DownloadButton({ id, file, week, label }: { id: string; file: Download; week: string; label: string }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (busy) return
    setBusy(true)
    try {
      await downloadReport(file, week)
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button id={id} className={`c-button c-button--ghost c-button--small${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={run}>
      {busy ? '下载中…' : label}
    </Button>
  )
}
