/** The buyer's saved addresses and which one this checkout ships to. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AddressDto, AddressInputDto } from '@contracts/orders'
import { createAddress, deleteAddress, fetchAddresses } from './api'

export interface Addresses {
  status: 'loading' | 'ready' | 'error'
  items: AddressDto[]
  error: unknown
  selectedId: number | null
  select: (id: number) => void
  /** Saves a new address and ships to it. Throws ApiError. */
  add: (input: AddressInputDto) => Promise<AddressDto>
  remove: (id: number) => Promise<void>
  reload: () => void
}

function preferred(items: AddressDto[], current: number | null): number | null {
  if (current !== null && items.some((a) => a.id === current)) return current
  return (items.find((a) => a.isDefault) ?? items[0])?.id ?? null
}

export function useAddresses(): Addresses {
  const [status, setStatus] = useState<Addresses['status']>('loading')
  const [items, setItems] = useState<AddressDto[]>([])
  const [error, setError] = useState<unknown>(null)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const generation = useRef(0)
  const itemsRef = useRef(items)
  itemsRef.current = items

  const load = useCallback(async () => {
    const gen = ++generation.current
    setStatus('loading')
    try {
      const list = await fetchAddresses()
      if (gen !== generation.current) return
      setItems(list)
      setSelectedId((cur) => preferred(list, cur))
      setStatus('ready')
    } catch (err) {
      if (gen !== generation.current) return
      setError(err)
      setStatus('error')
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const add = useCallback(async (input: AddressInputDto) => {
    const saved = await createAddress(input)
    setItems((list) => [saved, ...list.filter((a) => a.id !== saved.id)])
    setSelectedId(saved.id)
    return saved
  }, [])

  const remove = useCallback(async (id: number) => {
    await deleteAddress(id)
    const rest = itemsRef.current.filter((a) => a.id !== id)
    setItems(rest)
    setSelectedId((cur) => (cur === id ? preferred(rest, null) : cur))
  }, [])

  return { status, items, error, selectedId, select: setSelectedId, add, remove, reload: () => void load() }
}
