/**
 * The cart page's content: lines grouped by farmer with each group's shipping, the total and
 * 去结算. Every amount is the server's (checkout preview); the cart itself adds nothing up.
 */
import { Button, Text, View } from '@tarojs/components'
import type { CheckoutPreviewDto, PreviewGroupDto } from '@contracts/orders'
import { CheckMark } from '../../components/check-mark'
import { EmptyState } from '../../components/status'
import { formatFen } from '@domain/money'
import { userMessage } from '../../lib/api-error'
import { isH5 } from '../../lib/env'
import { openPage, openTab, routes } from '../../lib/navigation'
import { showToast, useDidShow } from '../../lib/page'
import { useCart, type CartLine } from '../../stores/cart'
import { useSession } from '../../stores/session'
import { linesBySpec } from './api'
import { CartLineRow } from './cart-line'
import { shippingHint, shippingNote } from './labels'
import { useCartPreview, type CartPreview } from './use-cart-preview'
import './cart.scss'

interface FarmerGroup {
  farmerId: number
  farmerName: string
  lines: CartLine[]
}

/** Lines by farmer, in the order the cart holds them. */
function groupByFarmer(lines: readonly CartLine[]): FarmerGroup[] {
  const groups = new Map<number, FarmerGroup>()
  for (const line of lines) {
    let g = groups.get(line.farmerId)
    if (!g) {
      g = { farmerId: line.farmerId, farmerName: line.farmerName, lines: [] }
      groups.set(line.farmerId, g)
    }
    g.lines.push(line)
  }
  return Array.from(groups.values())
}

/**
 * H5 draws its tab bar (50 px, Taro's --taro-tabbar-height) over the page, so the bar sits on top
 * of it; weapp's tab bar is native and outside the page. Inline, so the px stay CSS pixels.
 */
const H5_ABOVE_TAB_BAR = { bottom: 'calc(50px + env(safe-area-inset-bottom))' }

const groupOf = (preview: CheckoutPreviewDto | null, farmerId: number): PreviewGroupDto | undefined =>
  preview?.groups.find((g) => g.farmer.id === farmerId)

export function CartView() {
  const lines = useCart((s) => s.lines)
  const signedIn = useSession((s) => !!s.token)
  const preview = useCartPreview(lines, signedIn)
  useDidShow(() => preview.refresh())

  if (lines.length === 0) {
    return (
      <View className="cart cart--empty">
        <EmptyState text="购物车还是空的" hint="去挑点村里的当季鲜货吧" />
        <Button id="cart-go-shopping" className="cart__shop" onClick={() => openTab(routes.home)}>
          去逛逛
        </Button>
      </View>
    )
  }

  const previewed = linesBySpec(preview.all)
  return (
    <View className="cart">
      {preview.status === 'error' ? (
        <View className="cart__notice" onClick={preview.refresh}>
          <Text>{userMessage(preview.error)}，点击重试</Text>
        </View>
      ) : null}
      {!signedIn ? (
        <View className="cart__notice cart__notice--muted" onClick={() => openTab(routes.mine)}>
          <Text>登录后可查看最新价格和合计 ›</Text>
        </View>
      ) : null}
      {groupByFarmer(lines).map((g) => (
        <View key={g.farmerId} id={`cart-group-${g.farmerId}`} className="cart__group">
          <View className="cart__group-head">
            <Text className="cart__farmer">{g.farmerName || groupOf(preview.all, g.farmerId)?.farmer.name}</Text>
            <Text className="cart__shipping">{shippingHint(groupOf(preview.all, g.farmerId), groupOf(preview.chosen, g.farmerId))}</Text>
          </View>
          {g.lines.map((line) => (
            <CartLineRow key={line.specId} line={line} previewed={previewed.get(line.specId)} />
          ))}
        </View>
      ))}
      <CartBar lines={lines} preview={preview} signedIn={signedIn} />
    </View>
  )
}

function CartBar({ lines, preview, signedIn }: { lines: CartLine[]; preview: CartPreview; signedIn: boolean }) {
  const selectAll = useCart((s) => s.selectAll)
  const acknowledgePrices = useCart((s) => s.acknowledgePrices)
  const previewed = linesBySpec(preview.all)
  const orderable = lines.filter((l) => previewed.get(l.specId)?.problem === null)
  const chosen = orderable.filter((l) => l.selected)
  // Lines that cannot be ordered do not count for 全选 (once the server has said which they are).
  const pool = preview.all ? orderable : lines
  const allTicked = pool.length > 0 && pool.every((l) => l.selected)
  const settled = preview.status === 'ready'
  const total = settled ? (preview.chosen?.totalFen ?? 0) : null
  const off = signedIn && (!settled || chosen.length === 0)
  // Buttons get `disabled={x || undefined}`: Taro's H5 button greys out any disabled attribute, even "false".

  const goCheckout = () => {
    if (!signedIn) {
      showToast('请先登录')
      openTab(routes.mine)
      return
    }
    if (!settled) return
    if (chosen.length === 0) {
      showToast('请选择要结算的商品')
      return
    }
    // The buyer has now seen the current prices.
    acknowledgePrices(new Map(Array.from(previewed.values(), (l) => [l.specId, l.unitPriceFen] as const)))
    openPage(routes.checkout(chosen.map((l) => ({ specId: l.specId, quantity: l.quantity })), 'cart'))
  }

  return (
    <View className="cart__bar" style={isH5 ? H5_ABOVE_TAB_BAR : undefined}>
      <View id="select-all" className="cart__all" onClick={() => selectAll(!allTicked)}>
        <CheckMark checked={allTicked} />
        <Text className="cart__all-text">全选</Text>
      </View>
      <View className="cart__sum">
        {signedIn ? (
          <>
            <View className="cart__sum-row">
              <Text className="cart__sum-label">合计：</Text>
              <Text id="cart-total" className="cart__sum-amount">
                {total === null ? '计算中…' : formatFen(total)}
              </Text>
            </View>
            {total !== null && preview.chosen ? (
              <Text className="cart__sum-note">
                {shippingNote(preview.chosen)}
              </Text>
            ) : null}
          </>
        ) : (
          <Text className="cart__sum-note">登录后查看合计</Text>
        )}
      </View>
      <Button
        id="go-checkout"
        className={`cart__go${off ? ' cart__go--off' : ''}`}
        disabled={off || undefined}
        onClick={goCheckout}
      >
        {signedIn ? `去结算${chosen.length > 0 ? `(${chosen.length})` : ''}` : '登录后结算'}
      </Button>
    </View>
  )
}
