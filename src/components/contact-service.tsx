/**
 * 联系客服. In the weapp, WeChat's own customer-service button (`open-type="contact"`) with what
 * the conversation is about (`sessionFrom`, e.g. `order:XJ…`) and, optionally, a card of this page
 * to send. In a browser (H5) there is no WeChat conversation: the cooperative's service phone,
 * tapped to dial (`tel:`), or nothing when the cooperative has none.
 */
import { Button } from '@tarojs/components'
import { isWeapp } from '../lib/env'
import { dialPhone } from '../lib/phone'
import './contact-service.scss'

interface Props {
  id?: string
  /** The conversation's context for the customer-service staff, e.g. `order:XJ20261128…` or `product:12`. */
  sessionFrom: string
  /** The cooperative's service phone (H5), or null. */
  phone: string | null
  /** weapp: offer to send a card of this page (title, path) into the conversation. */
  card?: { title: string; path: string }
  /** `block`: a full-width outlined button; `float`: a pill at the right edge above the bottom bar. */
  look?: 'block' | 'float'
}

export function ContactService({ id, sessionFrom, phone, card, look = 'block' }: Props) {
  const className = `contact-service contact-service--${look}`
  if (isWeapp) {
    return (
      <Button
        id={id}
        className={className}
        openType="contact"
        sessionFrom={sessionFrom}
        showMessageCard={card !== undefined}
        sendMessageTitle={card?.title}
        sendMessagePath={card?.path}
      >
        联系客服
      </Button>
    )
  }
  if (!phone) return null
  return (
    <Button id={id} className={className} onClick={() => dialPhone(phone)}>
      {look === 'float' ? '联系客服' : `联系客服 ${phone}`}
    </Button>
  )
}
