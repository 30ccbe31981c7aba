import { type PropsWithChildren } from 'react'
import './app.scss'

/** The app shell: pages render inside it. Global state lives in src/stores. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
