/** Signed out: WeChat login on weapp; on H5 the sandbox's demo login, when the server offers it. */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { userMessage } from '../../lib/api-error'
import { isWeapp } from '../../lib/env'
import { demoLogin, wechatLogin } from '../../lib/login'
import { showToast } from '../../lib/page'
import { useDemoPersonas } from './use-demo-personas'
import './account.scss'

export function LoginPanel() {
  const [busy, setBusy] = useState<string | null>(null)
  const personas = useDemoPersonas(!isWeapp)

  const run = async (what: string, login: () => Promise<unknown>) => {
    if (busy) return
    setBusy(what)
    try {
      await login()
      showToast('登录成功')
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="account">
      <View className="account__card account__card--center">
        <Text className="account__title">欢迎来到乡集</Text>
        <Text className="account__hint">
          {isWeapp ? '用微信账号登录乡集' : personas ? '选择下面的一个演示账号，体验乡集' : '请在微信中打开乡集小程序登录'}
        </Text>
        {isWeapp ? (
          <Button
            id="wechat-login"
            className="account__primary"
            loading={busy === 'wechat'}
            disabled={busy !== null}
            onClick={() => run('wechat', wechatLogin)}
          >
            微信登录
          </Button>
        ) : null}
      </View>

      {!isWeapp && personas ? (
        <View className="account__card" id="demo-login">
          <Text className="account__section">演示登录（沙箱模式）</Text>
          <Text className="account__hint">这些是演示账号，只用于体验和测试，不会产生真实交易。</Text>
          {personas.map((p) => (
            <Button
              key={p.id}
              id={`demo-login-${p.id}`}
              className="account__persona"
              disabled={busy !== null}
              loading={busy === p.id}
              onClick={() => run(p.id, () => demoLogin(p.id))}
            >
              <View className="account__persona-body">
                <Text className="account__persona-label">{p.label}</Text>
                {p.description ? <Text className="account__persona-desc">{p.description}</Text> : null}
              </View>
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}
