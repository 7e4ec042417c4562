/**
 * The small bar shown above a text selection: one button per label (with its key), and
 * "Set range" when a claim is selected. Positioned through the CSSOM (element.style), which the
 * CSP allows, unlike style attributes in markup.
 */
import { useLayoutEffect, useRef } from 'react'
import type { Label } from '../../shared/api'
import type { OffsetRange } from '../reader/positions'

interface LabelPopoverProps {
  labels: readonly Label[]
  /** The reader's selection: the bar follows the DOM selection's box on screen. */
  selection: OffsetRange
  /** "Set range" is offered when a claim is selected. */
  canSetRange: boolean
  /** "Place here" is offered while a claim that needs a place is chosen. */
  placing: string | null
  onLabel(label: Label): void
  onSetRange(): void
  onPlace(): void
}

export function LabelPopover(props: LabelPopoverProps) {
  const { labels, selection, canSetRange, placing, onLabel, onSetRange, onPlace } = props
  const ref = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const place = () => {
      // Only over a selection in a reader: one that went into a dialog's field (the annotator's
      // name, asked before the first claim) has no place on screen, and the bar would sit at
      // the window's corner over the toolbar.
      const domSelection = window.getSelection()
      const range = domSelection && domSelection.rangeCount > 0 ? domSelection.getRangeAt(0) : null
      const common = range?.commonAncestorContainer ?? null
      const container = common instanceof Element ? common : (common?.parentElement ?? null)
      const inReader =
        range !== null && !range.collapsed && container?.closest('.ProseMirror') != null
      element.hidden = !inReader
      if (!range || !inReader) return
      const anchor = range.getBoundingClientRect()
      const { width, height } = element.getBoundingClientRect()
      const margin = 8
      const above = anchor.top - height - margin
      const top = above >= margin ? above : anchor.bottom + margin
      const left = Math.min(
        Math.max(margin, anchor.left + anchor.width / 2 - width / 2),
        window.innerWidth - width - margin,
      )
      element.style.setProperty('top', `${Math.round(top)}px`)
      element.style.setProperty('left', `${Math.round(left)}px`)
    }
    place()
    // The reader scrolls under the bar: follow the selection (and its leaving).
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    document.addEventListener('selectionchange', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
      document.removeEventListener('selectionchange', place)
    }
  }, [selection.start, selection.end])

  return (
    <div
      ref={ref}
      className="label-popover"
      data-testid="label-popover"
      role="toolbar"
      aria-label="Label the selection"
      // Keep the text selection: a mousedown here would otherwise collapse it.
      onMouseDown={(event) => event.preventDefault()}
    >
      {placing !== null && (
        <button type="button" className="primary" data-testid="place-here" onClick={onPlace}>
          Place here
        </button>
      )}
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className="label-choice"
          data-label={label.id}
          data-testid="label-choice"
          title={label.description || label.name}
          onClick={() => onLabel(label)}
        >
          <span className="swatch" aria-hidden="true" />
          {label.name}
          {label.key && <kbd>{label.key}</kbd>}
        </button>
      ))}
      {canSetRange && (
        <button
          type="button"
          data-testid="set-range"
          title="Move the selected claim to this text (R)"
          onClick={onSetRange}
        >
          Set range <kbd>R</kbd>
        </button>
      )}
    </div>
  )
}
