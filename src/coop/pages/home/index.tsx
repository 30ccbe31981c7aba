/** The cooperative's workbench (subpackage `coop`). Sales, settlement and reports arrive in later releases. */
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function CoopHomePage() {
  return (
    <View className="workbench">
      <Text className="workbench__title">合作社工作台</Text>
      <Text id="coop-coming-soon" className="workbench__text">
        合作社工作台：每周销售、成员结算、帮扶收入报告，即将开放
      </Text>
    </View>
  )
}
