/** The farmer's workbench (subpackage `farmer`). Listing and shipping arrive in later releases. */
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function FarmerHomePage() {
  return (
    <View className="workbench">
      <Text className="workbench__title">农户工作台</Text>
      <Text id="farmer-coming-soon" className="workbench__text">
        农户工作台：上架农产品、管理库存、打包发货，即将开放
      </Text>
    </View>
  )
}
