/** CSV for Excel/WPS: BOM, CRLF, RFC 4180 quoting, formula injection neutralised, Chinese intact. */
import { CSV_BOM, csvField, toCsv, yuan } from '@domain/csv'

describe('csv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv([['农户', '金额'], ['张国华', yuan(2990)]])
    expect(text.startsWith(CSV_BOM)).toBe(true)
    expect(text).toBe('\uFEFF农户,金额\r\n张国华,29.90\r\n')
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvField('威宁, 贵州')).toBe('"威宁, 贵州"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
    expect(csvField('plain')).toBe('plain')
  })

  it.each([
    ['=HYPERLINK("http://evil","点我")', `"'=HYPERLINK(""http://evil"",""点我"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('neutralises a formula in %p', (input, expected) => {
    expect(csvField(input)).toBe(expected)
  })

  it('keeps numbers as numbers, negative ones too', () => {
    expect(csvField(-12)).toBe('-12')
    expect(csvField(yuan(-50))).toBe('-0.50')
    expect(csvField(yuan(123456))).toBe('1234.56')
    expect(csvField(null)).toBe('')
    expect(csvField(Number.NaN)).toBe('')
    expect(() => csvField({ numeric: '=1' })).toThrow(TypeError)
  })
})
