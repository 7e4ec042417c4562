/**
 * One pane of the workspace: its tabs, its find bar and the reader of its active
 * document.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import type { DocumentSummary, OpenedDocument } from '../../shared/api'
import type { PaneState } from '../layout'
import { findMatches, NO_HIGHLIGHTS, type FindHighlights } from '../reader/find'
import type { OffsetRange } from '../reader/positions'
import type { DrawnClaim } from '../reader/claim-decorations'
import type { ReaderLanes } from '../reader/lanes'
import {
  ReaderView,
  type BadgeEvent,
  type ClaimClick,
  type ReaderHandle,
} from '../reader/ReaderView'
import { FindBar } from './FindBar'
import { documentLabel, fileName } from './format'
import { ReaderHeader } from './ReaderHeader'
import { TabBar, type TabInfo } from './TabBar'

export interface PaneHandle {
  openFind(): void
  focusReader(): void
  /** The reader of the active document, when one is shown. */
  reader(): ReaderHandle | null
}

interface PaneProps {
  pane: PaneState
  isFocused: boolean
  isSplit: boolean
  summaries: ReadonlyMap<string, DocumentSummary>
  documents: Readonly<Record<string, OpenedDocument>>
  onFocus(): void
  onActivate(key: string): void
  onClose(key: string): void
  onOpenBeside(key: string): void
  /** Opens the dialog correcting a document's details. */
  onEditDetails(key: string): void
  onSelectionChange(range: OffsetRange | null): void
  /** Claims of the active document. */
  claims: readonly DrawnClaim[]
  /** Colleagues' lanes over the active document; null: none shown. */
  lanes: ReaderLanes | null
  selectedRange: OffsetRange | null
  onClaimClick(click: ClaimClick): void
  onBadge(event: BadgeEvent | null): void
  /** A claim to bring into view once drawn (null: none); `claimsListed`: the claims are in. */
  reveal: { claimId: string; focus: boolean } | null
  claimsListed: boolean
  /** The reveal was made (found: the claim is drawn) or cannot be (not in the text). */
  onRevealed(found: boolean): void
  ref?: Ref<PaneHandle>
}

export function Pane(props: PaneProps) {
  const { pane, isFocused, isSplit, summaries, documents, onFocus, onSelectionChange, ref } = props
  const active = pane.active
  const document = active === null ? undefined : documents[active]
  const readerRef = useRef<ReaderHandle>(null)
  const find = useFind(document?.text ?? '')

  // After the reader has drawn the claims (effects run child first), so there is something to
  // scroll to.
  const { reveal, claimsListed, onRevealed, claims } = props
  useEffect(() => {
    if (!reveal || !document || !claimsListed) return
    const found = claims.some((claim) => claim.id === reveal.claimId)
    if (found) {
      readerRef.current?.scrollToClaim(reveal.claimId)
      if (reveal.focus) readerRef.current?.focus()
    }
    onRevealed(found)
  }, [reveal, document, claimsListed, claims, onRevealed])

  useImperativeHandle(
    ref,
    () => ({
      openFind: () => {
        if (document) find.open()
      },
      focusReader: () => readerRef.current?.focus(),
      reader: () => readerRef.current,
    }),
    [document, find],
  )

  const tabs: TabInfo[] = pane.tabs.map((key) => {
    const summary = summaries.get(key)
    const path = summary?.path ?? documents[key]?.path ?? key
    return { key, path, label: summary ? documentLabel(summary) : fileName(path) }
  })

  return (
    <section
      className={isFocused ? 'pane focused' : 'pane'}
      data-testid="pane"
      data-pane-id={pane.id}
      aria-label={document ? `Pane: ${documentLabel(document)}` : 'Empty pane'}
      onFocusCapture={onFocus}
      onMouseDownCapture={onFocus}
    >
      <TabBar
        tabs={tabs}
        active={active}
        isSplit={isSplit}
        onActivate={props.onActivate}
        onClose={props.onClose}
        onOpenBeside={props.onOpenBeside}
        onFind={() => document && find.open()}
      />
      {find.isOpen && document && (
        <FindBar
          query={find.query}
          matchCount={find.matches.length}
          current={find.highlights.current}
          focusRequest={find.focusRequest}
          onQueryChange={find.setQuery}
          onNext={() => find.move(1)}
          onPrevious={() => find.move(-1)}
          onClose={() => {
            find.close()
            readerRef.current?.focus()
          }}
        />
      )}
      <div className="reader-scroll">
        {document ? (
          <article
            className="reader"
            data-testid="reader"
            data-doc-id={document.id}
            data-path={document.path}
          >
            <ReaderHeader
              document={document}
              summary={summaries.get(document.key)}
              onEditDetails={() => props.onEditDetails(document.key)}
            />
            <ReaderView
              key={`${document.key}:${document.id}`}
              ref={readerRef}
              document={document}
              label={documentLabel(document)}
              highlights={find.highlights}
              claims={props.claims}
              lanes={props.lanes}
              selectedRange={props.selectedRange}
              onSelectionChange={onSelectionChange}
              onClaimClick={props.onClaimClick}
              onBadge={props.onBadge}
            />
          </article>
        ) : (
          <p className="pane-placeholder">
            {active === null ? 'Choose an article in the sidebar to read it here.' : 'Opening…'}
          </p>
        )}
      </div>
    </section>
  )
}

/** State of the find bar: the query, which match is current, and the highlights to draw. */
function useFind(text: string) {
  const [isOpen, setOpen] = useState(false)
  const [query, setQueryState] = useState('')
  const [index, setIndex] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)
  const matches = useMemo(() => findMatches(text, query), [text, query])
  // The document may change under an open query (another tab): keep the index in range.
  const current = matches.length === 0 ? -1 : Math.min(index, matches.length - 1)
  const highlights = useMemo<FindHighlights>(
    () => (isOpen ? { matches, current } : NO_HIGHLIGHTS),
    [isOpen, matches, current],
  )
  return useMemo(
    () => ({
      isOpen,
      query,
      matches,
      highlights,
      focusRequest,
      open: () => {
        setOpen(true)
        setFocusRequest((n) => n + 1)
      },
      close: () => setOpen(false),
      setQuery: (next: string) => {
        setQueryState(next)
        setIndex(0)
      },
      move: (step: number) => {
        if (matches.length === 0) return
        setIndex((current + step + matches.length) % matches.length)
      },
    }),
    [isOpen, query, matches, highlights, focusRequest, current],
  )
}
