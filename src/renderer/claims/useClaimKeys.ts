/**
 * The keyboard of the annotation loop, window-wide:
 *   1-9                 label the selection          J / K, Alt+↓ / Alt+↑  next / previous claim
 *   Shift+Alt+← / →     move the claim's end          Ctrl+Alt+← / →        move its start
 *   R                   set the claim to the selection Delete / Backspace   delete the claim
 *   Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y   undo / redo       Ctrl+E                export the project
 *   Escape              deselect
 * Keys typed into form fields stay theirs, Ctrl+Z included (the browser's own text undo).
 */
import { useEffect, useRef } from 'react'
import type { Label } from '../../shared/api'
import { hasCommandModifier } from '../components/format'
import type { ClaimActions } from './useClaimActions'

export interface ClaimKeyHandlers {
  actions: ClaimActions
  labels: readonly Label[]
  /** False while a dialog is open: keys belong to it. */
  enabled: boolean
  /** The selected claim, when it is in the focused document. */
  selectedId: string | null
  selectNeighbour(step: 1 | -1): void
  deselect(): void
}

/** Fields where typing, and Ctrl+Z, belong to the browser (its own text undo). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(target.type)
}

/** Form controls that take plain keys (a select picks options by typing). */
function takesPlainKeys(target: EventTarget | null): boolean {
  return isTextEntry(target) || target instanceof HTMLSelectElement
}

export function useClaimKeys(handlers: ClaimKeyHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { actions, labels, enabled, selectedId, selectNeighbour, deselect } = latest.current
      const hasSelectedClaim = selectedId !== null
      if (!enabled || event.defaultPrevented || isTextEntry(event.target)) return
      const key = event.key
      const handled = (action: () => void) => {
        event.preventDefault()
        action()
      }
      if (!hasCommandModifier(event) && !event.altKey && takesPlainKeys(event.target)) return
      if (hasCommandModifier(event) && !event.altKey) {
        const lower = key.toLowerCase()
        if (lower === 'z' && !event.shiftKey) return handled(actions.undo)
        if ((lower === 'z' && event.shiftKey) || lower === 'y') return handled(actions.redo)
        if (lower === 'e') return handled(() => actions.exportClaims('project'))
        return
      }
      if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight') && hasSelectedClaim) {
        const direction = key === 'ArrowRight' ? 1 : -1
        if (event.shiftKey && !event.ctrlKey)
          return handled(() => actions.moveEdge('end', direction))
        if (event.ctrlKey && !event.shiftKey)
          return handled(() => actions.moveEdge('start', direction))
        return
      }
      if (event.altKey && (key === 'ArrowDown' || key === 'ArrowUp') && !event.shiftKey) {
        return handled(() => selectNeighbour(key === 'ArrowDown' ? 1 : -1))
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return
      if (/^[1-9]$/.test(key)) {
        const label = labels.find((candidate) => candidate.key === key)
        if (label) handled(() => actions.createFromSelection(label))
        return
      }
      if (event.shiftKey) return
      switch (key.toLowerCase()) {
        case 'j':
          return handled(() => selectNeighbour(1))
        case 'k':
          return handled(() => selectNeighbour(-1))
        case 'r':
          if (hasSelectedClaim) handled(actions.setRangeFromSelection)
          return
        case 'delete':
        case 'backspace':
          if (selectedId !== null) handled(() => actions.remove(selectedId))
          return
        case 'escape':
          return deselect()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
