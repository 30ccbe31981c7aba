/**
 * The cooperative's freight template (运费模板): the default for every member farmer who has not
 * set their own. Shows what applies now and edits it (PUT /api/v1/coop/freight-template).
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { FreightTemplateDto } from '@contracts/freight'
import { coopFreightApi, FreightEditor, TemplateTable } from '../../../features/freight'
import { showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { coopPage } from '../../shared/coop-gate'
import { Loaded } from '../../shared/loaded'
import '../../shared/coop.scss'
import './index.scss'

function Current({ template }: { template: FreightTemplateDto | null }) {
  if (!template) {
    return (
      <View id="coop-freight-none" className="c-card">
        <Text className="coop-freight__text">还没有运费模板：现在社员的商品都包邮（自己设了运费的农户除外）。</Text>
      </View>
    )
  }
  return <TemplateTable id="coop-freight-current" template={template} />
}

function FreightTemplatePage() {
  const resource = useResource('coop-freight', coopFreightApi.get)
  const [editing, setEditing] = useState(false)
  return (
    <Loaded resource={resource}>
      {(template) => (
        <View className="coop-freight">
          <Text className="coop-freight__text">合作社的运费模板是所有社员的默认运费；农户也可以在自己的工作台里单独设置。</Text>
          {editing ? (
            <FreightEditor
              template={template}
              onCancel={() => setEditing(false)}
              onSave={async (body) => {
                await coopFreightApi.save(body)
                showToast('运费模板已保存')
                setEditing(false)
                await resource.refresh()
              }}
            />
          ) : (
            <View>
              <Current template={template} />
              <Button id="coop-freight-edit" className="c-button coop-freight__button" onClick={() => setEditing(true)}>
                {template ? '修改运费模板' : '设置运费模板'}
              </Button>
            </View>
          )}
        </View>
      )}
    </Loaded>
  )
}

export default coopPage(FreightTemplatePage)
