/** Amounts as the pages print them (src/domain/money.ts formatFen): 1280 → "¥12.80", -50 → "-¥0.50". */
const yuan = (fen) => `${fen < 0 ? '-' : ''}¥${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`

module.exports = { yuan }
