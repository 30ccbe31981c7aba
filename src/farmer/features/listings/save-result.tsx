/** After submitting: on sale now, or waiting for the cooperative — said plainly. */
import { Button, Text, View } from '@tarojs/components'
import type { ListingSavedDto } from '@contracts/farmer-listings'
import { SAVE_OUTCOME } from './labels'
import './listings.scss'

interface Props {
  saved: ListingSavedDto
  onList: () => void
  onAnother: () => void
}

export function SaveResult({ saved, onList, onAnother }: Props) {
  const outcome = SAVE_OUTCOME[saved.check]
  return (
    <View className="lf">
      <View id="listing-saved" className="lf__card">
        <Text className="lf__title">{outcome.title}</Text>
        <Text className="lf__hint">{`「${saved.listing.title}」`}</Text>
        <Text className="lf__hint">{outcome.text}</Text>
      </View>
      <View className="lf__bar">
        <Button id="saved-another" className="lf__btn" onClick={onAnother}>
          再上架一个
        </Button>
        <Button id="saved-list" className="lf__btn lf__btn--primary" onClick={onList}>
          看我的商品
        </Button>
      </View>
    </View>
  )
}
