/**
 * The linking keys, window-wide, beside the claim keys (useClaimKeys):
 *   L   link the selected claim: search, or take a suggestion (L, Enter takes the best one)
 *   O   link the selected claim to an outside source
 *   A   accept the first suggestion shown in the claim panel
 *   S / P / X / C / U (the relation keys of the project settings), while the link bar offers
 *       to link the claim selected before to the one selected now; Escape dismisses the bar.
 * Registered before the claim keys, so a key used here is not also a claim command.
 */
import { useEffect, useRef } from 'react'
import type { RelationType } from '../../shared/api'
import { isTextEntry } from '../claims/useClaimKeys'

export interface LinkKeyHandlers {
  enabled: boolean
  hasSelectedClaim: boolean
  relations: readonly RelationType[]
  /** True while the link bar is shown. */
  offeringPair: boolean
  openSearch(): void
  openOutside(): void
  acceptFirstSuggestion(): void
  linkPair(relation: string): void
  dismissPair(): void
}

export function useLinkKeys(handlers: LinkKeyHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current
      if (!current.enabled || event.defaultPrevented || isTextEntry(event.target)) return
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return
      if (event.target instanceof HTMLSelectElement) return
      const key = event.key.toLowerCase()
      const handled = (action: () => void) => {
        event.preventDefault()
        action()
      }
      if (current.offeringPair) {
        const relation = current.relations.find((candidate) => candidate.key === key)
        if (relation) return handled(() => current.linkPair(relation.id))
        if (key === 'escape') return handled(current.dismissPair)
      }
      if (!current.hasSelectedClaim) return
      if (key === 'l') return handled(current.openSearch)
      if (key === 'o') return handled(current.openOutside)
      if (key === 'a') return handled(current.acceptFirstSuggestion)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
