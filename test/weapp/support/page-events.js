/**
 * What a user does on a rendered page (miniprogram-simulate): read its text, tap a node, type
 * into a field, each by the node's id; a node that is not on the page is an error that says so.
 */
const text = (node) => node.dom.textContent

function nodeById(page, id) {
  const node = page.querySelector(`#${id}`)
  if (!node) throw new Error(`#${id} is not on the page`)
  return node
}

const tap = (page, id) => nodeById(page, id).dispatchEvent('tap')
const type = (page, id, value) => nodeById(page, id).dispatchEvent('input', { detail: { value } })

module.exports = { text, tap, type }
