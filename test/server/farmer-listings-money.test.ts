/** The price a farmer types, in yuan, becomes integer fen (src/domain/money.ts). */
import { fenToYuanInput, yuanToFen } from '@domain/money'

describe('yuanToFen', () => {
  it.each([
    ['12.8', 1280],
    ['12.80', 1280],
    ['5', 500],
    ['0.05', 5],
    ['.5', 50],
    ['12.', 1200],
    [' ¥29.90 ', 2990],
    ['0', 0],
  ])('%j → %d', (input, fen) => expect(yuanToFen(input)).toBe(fen))

  it.each(['12.345', '-1', '1e3', 'abc', '', '.', '1,280', '12.8元', '0x10', '1234567890'])('refuses %j', (input) => {
    expect(yuanToFen(input)).toBeNull()
  })
})

describe('fenToYuanInput', () => {
  it.each([
    [1280, '12.8'],
    [1285, '12.85'],
    [500, '5'],
    [5, '0.05'],
  ])('%d → %j, and back', (fen, text) => {
    expect(fenToYuanInput(fen)).toBe(text)
    expect(yuanToFen(text)).toBe(fen)
  })
})
