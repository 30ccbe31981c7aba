/** A round tick box (the same on weapp and H5, unlike the native checkbox). */
import { Text, View } from '@tarojs/components'
import './check-mark.scss'

interface Props {
  checked: boolean
  disabled?: boolean
  onToggle?: () => void
  id?: string
}

export function CheckMark({ checked, disabled = false, onToggle, id }: Props) {
  const classes = ['check-mark']
  if (checked && !disabled) classes.push('check-mark--on')
  if (disabled) classes.push('check-mark--disabled')
  return (
    <View
      id={id}
      className={classes.join(' ')}
      onClick={(e) => {
        e.stopPropagation()
        if (!disabled && onToggle) onToggle()
      }}
    >
      {checked && !disabled ? <Text className="check-mark__tick">✓</Text> : null}
    </View>
  )
}
