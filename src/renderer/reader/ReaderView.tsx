/**
 * The reading view: a read-only ProseMirror view of one canonical document.
 *
 * The text is selectable with the mouse and with the keyboard (the view is
 * focusable; Shift+arrows extend the selection, Ctrl/Cmd+A selects the whole
 * document rather than the whole window). The selection is reported as
 * canonical offsets. It is read from the DOM selection rather than from the
 * editor state, because a non-editable view does not promise to keep its state
 * selection in sync with what the user selected.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useImperativeHandle, useLayoutEffect, useMemo, useRef, type Ref } from 'react'
import type { CanonicalDocument } from '../../core/document/types'
import { buildDoc } from './build-doc'
import {
  CURRENT_MATCH_CLASS,
  findHighlightKey,
  findHighlightPlugin,
  type FindHighlights,
} from './find'
import {
  BADGE_CLAIM_ATTRIBUTE,
  claimDecorationsKey,
  claimDecorationsPlugin,
  claimIdsAt,
  pendingClaimMeta,
  selectedClaimPlugin,
  selectedRangeMeta,
  setClaimsMeta,
  type DrawnClaim,
} from './claim-decorations'
import { laneRoomPx, lanesKey, lanesPlugin, setLanesMeta, type ReaderLanes } from './lanes'
import { furnitureFoldPlugin } from './furniture-fold'
import { pageMarksPlugin } from './page-marks'
import { buildPositionMap, rangeToOffsets, type OffsetRange, type PositionMap } from './positions'
import { sectionsOfClaim } from './claim-set'
import {
  hiddenSectionAt,
  initialSections,
  sectionWindowPlugin,
  startSectionWindow,
  showSections,
} from './section-window'
import { blockAtPos, offsetToPos, sectionOf } from './positions'
import { timed } from './timing'
import { visibleTop } from './viewport'

export interface ReaderHandle {
  focus(): void
  /** Draws a claim at once, before the backend has it; the next `claims` replace it. */
  drawPendingClaim(claim: DrawnClaim): void
  /** Scrolls the first element of a claim into the middle of the view. */
  scrollToClaim(id: string): void
  /** Drops the text selection (after it became a claim). */
  clearSelection(): void
}

/** A link badge the pointer is over, or was clicked: its claim and where it is on screen. */
export interface BadgeEvent {
  claimId: string
  rect: { left: number; top: number; bottom: number }
  /** True for a click (the card stays open), false for a hover. */
  pinned: boolean
}

/** Where the analyst clicked on claims: their ids (innermost first) and the point. */
export interface ClaimClick {
  ids: string[]
  x: number
  y: number
}

interface ReaderViewProps {
  document: Pick<CanonicalDocument, 'text' | 'blocks'>
  /** Accessible name of the reading area. */
  label: string
  highlights: FindHighlights
  /** The claims to draw, in text order. */
  claims: readonly DrawnClaim[]
  /** Colleagues' claims, drawn read-only in a lane per annotator; null: none shown. */
  lanes?: ReaderLanes | null
  /** The selected claim's range, outlined; null when none is selected. */
  selectedRange: OffsetRange | null
  /** Called with the canonical range of the selection, or null when nothing is selected. */
  onSelectionChange(range: OffsetRange | null): void
  /** A click (not a drag) in the text: on claims, or on none (empty ids). */
  onClaimClick(click: ClaimClick): void
  /** The pointer entered (or clicked) a claim's link badge; null: it left the badge. */
  onBadge?(event: BadgeEvent | null): void
  ref?: Ref<ReaderHandle>
}

export function ReaderView({
  document,
  label,
  highlights,
  claims,
  lanes = null,
  selectedRange,
  onSelectionChange,
  onClaimClick,
  onBadge,
  ref,
}: ReaderViewProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const drawnClaims = useRef<readonly DrawnClaim[] | null>(null)
  const drawnLanes = useRef<ReaderLanes | null>(null)
  const map = useMemo(() => buildPositionMap(document.blocks), [document])
  // Latest props for the long-lived listeners, without recreating the view.
  const props = {
    highlights,
    claims,
    lanes,
    selectedRange,
    onSelectionChange,
    onClaimClick,
    onBadge,
  }
  const latest = useRef(props)
  // Layout effects, all of them: the view is made, and claims are drawn, in the same task as
  // React's commit, so the frame that shows the reader (or the claim list) already shows its
  // text (or highlights). Passive effects would run after that frame was painted, costing
  // one more frame and one more style and layout pass of the whole document.
  useLayoutEffect(() => {
    latest.current = props
  })

  useImperativeHandle(
    ref,
    () => ({
      focus: () => viewRef.current?.dom.focus({ preventScroll: true }),
      drawPendingClaim: (claim) => {
        const view = viewRef.current
        if (!view) return
        timed('draw pending claim', () =>
          view.dispatch(view.state.tr.setMeta(claimDecorationsKey, pendingClaimMeta(claim))),
        )
      },
      scrollToClaim: (id) => {
        const view = viewRef.current
        if (!view) return
        const layer = claimDecorationsKey.getState(view.state)?.claims
        if (layer) showSections(view, sectionsOfClaim(layer, id))
        const element = view.dom.querySelector(`[data-claim-id="${CSS.escape(id)}"]`)
        element?.scrollIntoView({ block: 'center' })
      },
      clearSelection: () => {
        const view = viewRef.current
        const selection = view?.dom.ownerDocument.getSelection()
        if (view && selection && view.dom.contains(selection.anchorNode)) {
          selection.removeAllRanges()
        }
      },
    }),
    [],
  )

  useLayoutEffect(() => {
    const host = hostRef.current
    if (!host) return
    const doc = timed('build doc', () => buildDoc(document))
    // Claims already known (a document shown again) are drawn with the text, not after it.
    const claims = latest.current.claims
    const view = timed('create view', () =>
      createView(host, doc, map, label, claims, latest.current.lanes, document.blocks),
    )
    viewRef.current = view
    drawnClaims.current = claims
    drawnLanes.current = latest.current.lanes
    applyHighlights(view, map, latest.current.highlights)
    drawSelected(view, latest.current.selectedRange)

    let reported: OffsetRange | null = null
    const report = (range: OffsetRange | null) => {
      if (range?.start === reported?.start && range?.end === reported?.end) return
      reported = range
      latest.current.onSelectionChange(range)
    }
    report(null)
    const readSelection = () => {
      const reading = readDomSelection(view, map)
      if (reading !== 'elsewhere') report(reading)
    }
    const badgeAt = (target: EventTarget | null): HTMLElement | null =>
      target instanceof Element ? target.closest<HTMLElement>(`[${BADGE_CLAIM_ATTRIBUTE}]`) : null
    const reportBadge = (badge: HTMLElement, pinned: boolean) => {
      const rect = badge.getBoundingClientRect()
      latest.current.onBadge?.({
        claimId: badge.getAttribute(BADGE_CLAIM_ATTRIBUTE)!,
        rect: { left: rect.left, top: rect.top, bottom: rect.bottom },
        pinned,
      })
    }
    const onKeyDown = (event: KeyboardEvent) => {
      const badge = badgeAt(event.target)
      if (badge && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault()
        reportBadge(badge, true)
        return
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
        event.preventDefault()
        selectWholeDocument(view)
        return
      }
      const extension = keyboardExtension(event)
      if (extension && startKeyboardSelection(view, extension)) {
        event.preventDefault()
        readSelection()
      }
    }
    const onMouseOver = (event: MouseEvent) => {
      const badge = badgeAt(event.target)
      if (badge && !badge.contains(event.relatedTarget as Node | null)) reportBadge(badge, false)
    }
    const onMouseOut = (event: MouseEvent) => {
      const badge = badgeAt(event.target)
      if (badge && !badge.contains(event.relatedTarget as Node | null)) {
        latest.current.onBadge?.(null)
      }
    }
    const onClick = (event: MouseEvent) => {
      const badge = badgeAt(event.target)
      if (badge) {
        reportBadge(badge, true)
        return
      }
      // A drag that selected text is not a click on a claim.
      if (event.button !== 0 || readDomSelection(view, map) !== null) return
      const ids = claimIdsAt(event.target, view.dom)
      latest.current.onClaimClick({ ids, x: event.clientX, y: event.clientY })
    }
    // Copying takes the canonical text of the selection: whole even where the selection runs
    // over sections not drawn yet (Ctrl+A), and without the link badges' counts.
    const onCopy = (event: ClipboardEvent) => {
      const reading = readDomSelection(view, map)
      if (reading === null || reading === 'elsewhere' || !event.clipboardData) return
      event.clipboardData.setData('text/plain', document.text.slice(reading.start, reading.end))
      event.preventDefault()
    }
    const ownerDocument = view.dom.ownerDocument
    ownerDocument.addEventListener('selectionchange', readSelection)
    view.dom.addEventListener('copy', onCopy)
    view.dom.addEventListener('click', onClick)
    view.dom.addEventListener('mouseover', onMouseOver)
    view.dom.addEventListener('mouseout', onMouseOut)
    view.dom.addEventListener('mouseup', readSelection)
    view.dom.addEventListener('keyup', readSelection)
    view.dom.addEventListener('keydown', onKeyDown)
    return () => {
      // The reader goes away (another tab, another document): so does its selection.
      latest.current.onSelectionChange(null)
      ownerDocument.removeEventListener('selectionchange', readSelection)
      view.dom.removeEventListener('copy', onCopy)
      view.dom.removeEventListener('click', onClick)
      view.dom.removeEventListener('mouseover', onMouseOver)
      view.dom.removeEventListener('mouseout', onMouseOut)
      view.dom.removeEventListener('mouseup', readSelection)
      view.dom.removeEventListener('keyup', readSelection)
      view.dom.removeEventListener('keydown', onKeyDown)
      view.destroy()
      viewRef.current = null
    }
  }, [document, map, label])

  useLayoutEffect(() => {
    const view = viewRef.current
    if (view) applyHighlights(view, map, highlights)
  }, [highlights, map])

  useLayoutEffect(() => {
    const view = viewRef.current
    // The view drew them when it was made: 5,000 claims are not drawn twice.
    if (!view || drawnClaims.current === claims) return
    drawClaims(view, claims)
    drawnClaims.current = claims
  }, [claims])

  useLayoutEffect(() => {
    const view = viewRef.current
    if (view) drawSelected(view, selectedRange)
  }, [selectedRange])

  useLayoutEffect(() => {
    const view = viewRef.current
    // The view drew the lanes known when it was made; later ones replace them.
    if (view && drawnLanes.current !== lanes) {
      view.dispatch(view.state.tr.setMeta(lanesKey, setLanesMeta(lanes)))
    }
    drawnLanes.current = lanes
  }, [lanes])

  const laneCount = lanes?.lanes.length ?? 0
  return (
    <div
      className="reader-host"
      ref={hostRef}
      data-lanes={laneCount > 0 ? laneCount : undefined}
      style={
        laneCount > 0 ? { ['--lane-room' as string]: `${laneRoomPx(laneCount)}px` } : undefined
      }
    />
  )
}

function createView(
  host: HTMLElement,
  doc: ProseMirrorNode,
  map: PositionMap,
  label: string,
  claims: readonly DrawnClaim[],
  lanes: ReaderLanes | null,
  blocks: CanonicalDocument['blocks'],
): EditorView {
  const shown = initialSections(map)
  // Built off the page, then put in: ProseMirror reads the DOM selection as it starts, and with
  // nothing selected Chromium lays out the whole page for that read, the reader half-built
  // (about 30 ms for a long document, paid again once the reader is complete).
  const dom = host.ownerDocument.createElement('div')
  const view = new EditorView(
    { mount: dom },
    {
      state: EditorState.create({
        doc,
        plugins: [
          sectionWindowPlugin(map, shown),
          findHighlightPlugin(map),
          claimDecorationsPlugin(map, claims, shown),
          selectedClaimPlugin(),
          lanesPlugin(map, lanes),
          furnitureFoldPlugin(blocks, map),
          pageMarksPlugin(blocks, map),
        ],
      }),
      editable: () => false,
      // Selecting is left to the browser. ProseMirror's own mouse handling would, after a drag
      // that starts on a freshly redrawn highlight, collapse the selection to a caret at the
      // mouse; a read-only view needs none of it (we read the DOM selection ourselves).
      handleDOMEvents: { mousedown: () => true },
      attributes: {
        class: 'reader-content',
        tabindex: '0',
        role: 'document',
        'aria-label': label,
        'aria-readonly': 'true',
      },
    },
  )
  host.appendChild(dom)
  startSectionWindow(view)
  return view
}

function drawClaims(view: EditorView, claims: readonly DrawnClaim[]) {
  timed('draw claims', () =>
    view.dispatch(view.state.tr.setMeta(claimDecorationsKey, setClaimsMeta(claims))),
  )
}

function drawSelected(view: EditorView, range: OffsetRange | null) {
  view.dispatch(view.state.tr.setMeta(claimDecorationsKey, selectedRangeMeta(range)))
}

function applyHighlights(view: EditorView, map: PositionMap, highlights: FindHighlights) {
  view.dispatch(view.state.tr.setMeta(findHighlightKey, highlights))
  const current = highlights.matches[highlights.current]
  if (!current) return
  showSections(view, [sectionOf(blockAtPos(map, offsetToPos(map, current.start)))])
  view.dom.querySelector(`.${CURRENT_MATCH_CLASS}`)?.scrollIntoView({ block: 'center' })
}

/**
 * The canonical range selected in this view, or null when nothing is selected
 * in it. 'elsewhere' while the user types in a text field (the find bar): that
 * moves the browser's selection without the user meaning to drop the reader's.
 */
function readDomSelection(view: EditorView, map: PositionMap): OffsetRange | null | 'elsewhere' {
  const ownerDocument = view.dom.ownerDocument
  const selection = ownerDocument.getSelection()
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
  if (!range || !range.intersectsNode(view.dom)) {
    const active = ownerDocument.activeElement
    return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? 'elsewhere'
      : null
  }
  if (range.collapsed) return null
  // A drag that starts or ends outside the view selects up to the document's edge.
  const from = view.dom.contains(range.startContainer)
    ? positionAt(view, range.startContainer, range.startOffset, 'start')
    : 0
  const to = view.dom.contains(range.endContainer)
    ? positionAt(view, range.endContainer, range.endOffset, 'end')
    : view.state.doc.content.size
  const offsets = rangeToOffsets(map, from, to)
  return offsets.start === offsets.end ? null : offsets
}

/** The position of a DOM point that starts or ends a selection. */
function positionAt(view: EditorView, node: Node, offset: number, edge: 'start' | 'end'): number {
  // A point in a section not drawn yet stands for that section's start or end.
  const hidden = hiddenSectionAt(node, view.dom)
  try {
    if (hidden) return view.posAtDOM(hidden, 0, edge === 'start' ? -1 : 1)
    return view.posAtDOM(node, offset)
  } catch {
    return edge === 'start' ? 0 : view.state.doc.content.size
  }
}

interface SelectionExtension {
  direction: 'forward' | 'backward'
  granularity: 'character' | 'word' | 'line' | 'lineboundary'
}

/** What a Shift+navigation key asks for, or null for any other key. */
function keyboardExtension(event: KeyboardEvent): SelectionExtension | null {
  if (!event.shiftKey || event.altKey) return null
  const byWord = event.ctrlKey || event.metaKey
  switch (event.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' }
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' }
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' }
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' }
    default:
      return null
  }
}

/**
 * Chromium extends an existing range selection in non-editable text with
 * Shift+arrows by itself, but not a collapsed caret (the user clicked) nor an
 * absent one (the user tabbed in), unless caret browsing is on. In those two
 * cases we start the range ourselves; returns whether we did.
 */
function startKeyboardSelection(view: EditorView, extension: SelectionExtension): boolean {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection) return false
  const inView =
    selection.rangeCount > 0 &&
    view.dom.contains(selection.anchorNode) &&
    view.dom.contains(selection.focusNode)
  if (inView && !selection.isCollapsed) return false
  if (!inView) {
    const start = firstVisibleCaret(view)
    selection.collapse(start.node, start.offset)
  }
  selection.modify('extend', extension.direction, extension.granularity)
  return true
}

/** Where a keyboard selection starts when there is no caret: the first line in sight. */
function firstVisibleCaret(view: EditorView): { node: Node; offset: number } {
  const bounds = view.dom.getBoundingClientRect()
  const x = bounds.left + 1
  const y = Math.max(bounds.top, visibleTop(view.dom)) + 12
  const ownerDocument = view.dom.ownerDocument
  const position = ownerDocument.caretPositionFromPoint?.(x, y)
  if (position && view.dom.contains(position.offsetNode)) {
    return { node: position.offsetNode, offset: position.offset }
  }
  const walker = ownerDocument.createTreeWalker(view.dom, NodeFilter.SHOW_TEXT)
  return { node: walker.nextNode() ?? view.dom, offset: 0 }
}

function selectWholeDocument(view: EditorView) {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection) return
  const range = view.dom.ownerDocument.createRange()
  range.selectNodeContents(view.dom)
  selection.removeAllRanges()
  selection.addRange(range)
}
