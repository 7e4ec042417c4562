/** "Snap selections to words": on by default, remembered in this browser profile. */
import { useCallback, useState } from 'react'

const STORAGE_KEY = 'corroborate.snapToWords'

function readSnap(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false'
  } catch {
    return true // Storage may be disabled; the default applies.
  }
}

export function useSnapSetting(): [boolean, (snap: boolean) => void] {
  const [snap, setSnapState] = useState(readSnap)
  const setSnap = useCallback((next: boolean) => {
    setSnapState(next)
    try {
      localStorage.setItem(STORAGE_KEY, String(next))
    } catch {
      // Not remembered across sessions, still applied now.
    }
  }, [])
  return [snap, setSnap]
}
