/**
 * Signing in. weapp: the real `Taro.login()` code, exchanged at our API.
 * H5 (sandbox only): a demo persona's login code from the WeChat sandbox, exchanged the same way.
 */
import Taro from '@tarojs/taro'
import type { DemoPersonaDto, LoginResultDto, MeDto } from '@contracts/auth'
import { useSession } from '../stores/session'
import { clientError, isApiError } from './api-error'
import { apiGet, apiPost } from './request'

async function exchangeCode(code: string): Promise<MeDto> {
  const result = await apiPost<LoginResultDto>('/api/v1/auth/login', { code })
  useSession.getState().login(result)
  return result.user
}

/** weapp: sign in with WeChat. */
export async function wechatLogin(): Promise<MeDto> {
  let code = ''
  try {
    code = (await Taro.login()).code
  } catch (err) {
    throw clientError('WECHAT_LOGIN_FAILED', (err as { errMsg?: string })?.errMsg)
  }
  if (!code) throw clientError('WECHAT_LOGIN_FAILED')
  return exchangeCode(code)
}

function isPersona(value: unknown): value is DemoPersonaDto {
  const v = value as Partial<DemoPersonaDto> | null
  return !!v && typeof v.id === 'string' && typeof v.label === 'string'
}

/** Accepts `[...]`, `{items: [...]}` or `{personas: [...]}`. */
function personasFrom(body: unknown): DemoPersonaDto[] {
  const list = Array.isArray(body)
    ? body
    : ((body as { items?: unknown; personas?: unknown } | null)?.items ??
      (body as { personas?: unknown } | null)?.personas)
  if (!Array.isArray(list)) return []
  return list.filter(isPersona).map((p) => ({ id: p.id, label: p.label, description: p.description ?? '' }))
}

/**
 * The sandbox's demo personas, or null when demo login is not offered
 * (the endpoint answers 404 outside sandbox mode, or cannot be reached).
 */
export async function fetchDemoPersonas(): Promise<DemoPersonaDto[] | null> {
  try {
    const personas = personasFrom(await apiGet<unknown>('/sandbox/wechat/dev/personas'))
    return personas.length ? personas : null
  } catch (err) {
    if (isApiError(err)) return null
    throw err
  }
}

/** H5 sandbox: sign in as a demo persona. */
export async function demoLogin(personaId: string): Promise<MeDto> {
  const { code } = await apiPost<{ code: string }>('/sandbox/wechat/dev/login-code', { persona: personaId })
  return exchangeCode(code)
}

/** Re-reads the signed-in user (roles may have changed). Signs out if the token is no longer valid. */
export async function refreshMe(): Promise<MeDto | null> {
  if (!useSession.getState().token) return null
  const me = await apiGet<MeDto>('/api/v1/me')
  useSession.getState().setUser(me)
  return me
}

export function logout(): void {
  useSession.getState().logout()
}
