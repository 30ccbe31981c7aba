/**
 * Stock: the one owner of `product_specs.stock`. Other modules change stock only through these
 * functions, inside their own transaction. Anyone may read `product_specs.stock`.
 * (The spec rows themselves — name, unit, price — belong to farmer-listings.)
 */
export { adjustStock, moveStock, releaseStock, reserveStock, setStock, zeroStockOfProduct, type StockLine } from './stock-ledger'
