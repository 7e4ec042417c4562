/**
 * The application shell: keeps the backend's state, which documents are open
 * where, and the loaded documents; everything visible is drawn by components/.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import {
  WorkbenchError,
  type DocumentSummary,
  type Label,
  type OpenedDocument,
  type RelationType,
  type WorkbenchState,
} from '../shared/api'
import type { WorkbenchClient } from '../shared/client'
import { neighbourClaim } from './claims/claimText'
import { drawnClaims, NO_CLAIMS, type BadgesByClaim } from './claims/drawnClaims'
import { useLabelStylesheet, useRelationStylesheet } from './claims/labelStyles'
import { readOnlyReason, useAnnotationStatus } from './claims/useAnnotationStatus'
import { useClaimActions, type ClaimContext } from './claims/useClaimActions'
import { useClaimCounts } from './claims/useClaimCounts'
import { useClaimKeys } from './claims/useClaimKeys'
import { useClaimListings } from './claims/useClaimListings'
import { useProjectSettings } from './claims/useProjectSettings'
import { useSnapSetting } from './claims/useSnapSetting'
import { AnnotatorDialog } from './components/AnnotatorDialog'
import { ClaimChooser } from './components/ClaimChooser'
import { ClaimLinks } from './components/ClaimLinks'
import { ClaimPanel } from './components/ClaimPanel'
import { ConfirmDialog } from './components/ConfirmDialog'
import { hasCommandModifier } from './components/format'
import { LabelPopover } from './components/LabelPopover'
import { LinkBar } from './components/LinkBar'
import { LinkHoverCard } from './components/LinkHoverCard'
import { LinkSearchDialog } from './components/LinkSearchDialog'
import { Notices, type Notice } from './components/Notices'
import { OutsideSourceDialog } from './components/OutsideSourceDialog'
import { Pane, type PaneHandle } from './components/Pane'
import { PathPrompt } from './components/PathPrompt'
import { SettingsDialog } from './components/SettingsDialog'
import { Sidebar } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { VIEW_ORDER, ViewSwitcher } from './components/ViewSwitcher'
import { Welcome } from './components/Welcome'
import { initialLayout, layoutReducer } from './layout'
import { useBadgeCard } from './links/useBadgeCard'
import { useClaimJump } from './links/useClaimJump'
import { useLinkActions } from './links/useLinkActions'
import { useLinkData } from './links/useLinkData'
import { useLinkKeys } from './links/useLinkKeys'
import { useLinkPair } from './links/useLinkPair'
import { usePanelSuggestions } from './links/usePanelSuggestions'
import { ClustersView } from './views/ClustersView'
import { MatrixView } from './views/MatrixView'
import type { WorkspaceView } from './views/types'
import type { OffsetRange } from './reader/positions'
import type { ClaimClick } from './reader/ReaderView'

const NO_LABELS: readonly Label[] = Object.freeze([])

const NO_DOCUMENTS: readonly DocumentSummary[] = Object.freeze([])

const NO_RELATIONS: readonly RelationType[] = Object.freeze([])

const NO_BADGES: BadgesByClaim = new Map()

export function App({ api }: { api: WorkbenchClient }) {
  const [state, setState] = useState<WorkbenchState | null>(null)
  const [layout, dispatch] = useReducer(layoutReducer, initialLayout)
  const [documents, setDocuments] = useState<Record<string, OpenedDocument>>({})
  const [selections, setSelections] = useState<Record<string, OffsetRange | null>>({})
  const [notices, setNotices] = useState<Notice[]>([])
  const [prompt, setPrompt] = useState<'folder' | 'files' | null>(null)
  const [busy, setBusy] = useState(false)
  const [view, setView] = useState<WorkspaceView>('documents')
  const badgeCard = useBadgeCard()
  const closeBadgeCard = badgeCard.close
  /** Another view: a link card left open would float over it. */
  const switchView = useCallback(
    (next: WorkspaceView) => {
      closeBadgeCard()
      setView(next)
    },
    [closeBadgeCard],
  )
  const previousState = useRef<WorkbenchState | null>(null)
  const loading = useRef(new Set<string>())
  const paneHandles = useRef(new Map<string, PaneHandle>())
  const nextNoticeId = useRef(1)

  const notify = useCallback((title: string, error: unknown, kind: 'error' | 'info' = 'error') => {
    const message = error instanceof Error ? error.message : String(error)
    const id = nextNoticeId.current++
    setNotices((current) => [...current, { id, title, message, kind }])
  }, [])

  /** Takes a new state from the backend and drops what no longer matches it. */
  const applyState = useCallback((next: WorkbenchState) => {
    const previous = previousState.current
    previousState.current = next
    setState(next)
    if (previous === null || previous.project?.root !== next.project?.root) {
      dispatch({ type: 'reset' })
      setView('documents')
      setDocuments({})
      setSelections({})
      return
    }
    dispatch({ type: 'retain', keys: new Set(next.documents.map((document) => document.key)) })
    // A file whose content changed has a new id: load it again when it is shown.
    const ids = new Map(next.documents.map((document) => [document.key, document.id]))
    setDocuments((current) => {
      const kept = Object.entries(current).filter(([key, document]) => ids.get(key) === document.id)
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept)
    })
  }, [])

  useEffect(() => {
    let cancelled = false
    api.getState().then(
      (initial) => !cancelled && applyState(initial),
      (error: unknown) => !cancelled && notify('Could not reach the workbench', error),
    )
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'state-changed') applyState(event.state)
    })
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [api, applyState, notify])

  const summaries = useMemo(
    () => new Map<string, DocumentSummary>((state?.documents ?? []).map((d) => [d.key, d])),
    [state],
  )

  // Load the documents that panes show and that are not loaded yet.
  const shownKeys = layout.panes
    .map((pane) => pane.active)
    .filter((key): key is string => key !== null)
  const missingKeys = shownKeys.filter((key) => !documents[key]).join('\n')
  useEffect(() => {
    for (const key of missingKeys.split('\n').filter(Boolean)) {
      if (loading.current.has(key)) continue
      loading.current.add(key)
      api
        .openDocument(key)
        .then(
          (document) => setDocuments((current) => ({ ...current, [key]: document })),
          (error: unknown) => {
            const path =
              (error instanceof WorkbenchError ? error.file : undefined) ??
              summaries.get(key)?.path ??
              'the document'
            notify(`Could not open ${path}`, error)
            dispatch({ type: 'close-everywhere', key })
          },
        )
        .finally(() => loading.current.delete(key))
    }
  }, [missingKeys, api, summaries, notify])

  /** Runs a backend action that may answer with a new state (null: the user cancelled). */
  const run = useCallback(
    async (failure: string, action: () => Promise<WorkbenchState | null>) => {
      setBusy(true)
      try {
        const next = await action()
        if (next) applyState(next)
      } catch (error) {
        notify(failure, error)
      } finally {
        setBusy(false)
      }
    },
    [applyState, notify],
  )

  const nativeDialogs = state?.capabilities.nativeDialogs ?? false
  const chooseProject = () =>
    nativeDialogs
      ? run('Could not open the folder', () => api.chooseProject())
      : setPrompt('folder')
  const chooseFiles = () =>
    nativeDialogs ? run('Could not open the files', () => api.chooseFiles()) : setPrompt('files')
  const confirmPrompt = (paths: string[]) => {
    const kind = prompt
    setPrompt(null)
    if (kind === 'folder') void run(`Could not open ${paths[0]}`, () => api.chooseProject(paths[0]))
    else void run('Could not open the files', () => api.chooseFiles(paths))
  }

  const focusedPane = layout.panes[layout.focused] ?? layout.panes[0]!
  const openBesideFocused = useCallback(() => {
    if (focusedPane.active !== null) dispatch({ type: 'open-beside', key: focusedPane.active })
  }, [focusedPane])

  // Window-wide shortcuts act on the focused pane, wherever the keyboard focus is.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-3]$/.test(event.code)) {
        event.preventDefault()
        switchView(VIEW_ORDER[Number(event.code.slice(5)) - 1]!)
        return
      }
      if (!hasCommandModifier(event) || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'f') {
        event.preventDefault()
        paneHandles.current.get(focusedPane.id)?.openFind()
      } else if (key === '\\') {
        event.preventDefault()
        openBesideFocused()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [focusedPane, openBesideFocused, switchView])

  const setSelection = useCallback((paneId: string, range: OffsetRange | null) => {
    setSelections((current) =>
      current[paneId]?.start === range?.start && current[paneId]?.end === range?.end
        ? current
        : { ...current, [paneId]: range },
    )
  }, [])
  const selectionCallbacks = useMemo(
    () =>
      Object.fromEntries(
        layout.panes.map((pane) => [
          pane.id,
          (range: OffsetRange | null) => setSelection(pane.id, range),
        ]),
      ),
    [layout.panes, setSelection],
  )

  // ---- Claims ----
  const projectRoot = state?.project?.root ?? null
  const { status, setStatus, setHistory } = useAnnotationStatus(api, projectRoot)
  const settings = useProjectSettings(api, projectRoot)
  const labels = settings?.labels ?? NO_LABELS
  useLabelStylesheet(labels)
  const counts = useClaimCounts(api, projectRoot)
  const [snap, setSnap] = useSnapSetting()
  const readOnly = readOnlyReason(status, settings?.readOnly ?? null)
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null)
  const [chooser, setChooser] = useState<ClaimClick | null>(null)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [placingId, setPlacingId] = useState<string | null>(null)

  // Claims are listed while the document itself is still on its way (the listing names the
  // content hash the sidebar already knows), so a document with thousands of claims is drawn
  // once, with its highlights, instead of plain first and again when its claims arrive.
  const shownSignature = layout.panes
    .map((pane) => {
      const id = pane.active && (documents[pane.active]?.id ?? summaries.get(pane.active)?.id)
      return id ? `${pane.active}\u0000${id}` : ''
    })
    .filter(Boolean)
    .join('\n')
  const shown = useMemo(
    () =>
      new Map(
        shownSignature
          .split('\n')
          .filter(Boolean)
          .map((entry) => entry.split('\u0000') as [string, string]),
      ),
    [shownSignature],
  )
  const { listings, refresh: refreshListing } = useClaimListings(
    api,
    shown,
    state?.documents ?? NO_DOCUMENTS,
    notify,
  )
  const focusedKey = focusedPane.active
  const focusedDocument = focusedKey === null ? undefined : documents[focusedKey]
  const focusedListing = focusedKey === null ? undefined : listings[focusedKey]
  const focusedSelection = selections[focusedPane.id] ?? null
  const selectedPlaced =
    focusedListing?.claims.find(({ claim }) => claim.id === selectedClaimId) ?? null
  const selectedRange = useMemo(
    () => (selectedPlaced ? { start: selectedPlaced.start, end: selectedPlaced.end } : null),
    [selectedPlaced],
  )

  const context = useRef<Omit<ClaimContext, 'reader'>>({
    document: null,
    listing: null,
    selection: null,
    selectedClaimId: null,
  })
  const focusedPaneId = focusedPane.id
  useEffect(() => {
    context.current = {
      document: focusedDocument ?? null,
      listing: focusedListing ?? null,
      selection: focusedSelection,
      selectedClaimId,
    }
  })
  const getContext = useCallback(
    (): ClaimContext => ({
      ...context.current,
      reader: paneHandles.current.get(focusedPaneId)?.reader() ?? null,
    }),
    [focusedPaneId],
  )
  const selectClaim = useCallback(
    (id: string | null, scroll = false) => {
      setSelectedClaimId(id)
      setChooser(null)
      if (id !== null && scroll) paneHandles.current.get(focusedPaneId)?.reader()?.scrollToClaim(id)
    },
    [focusedPaneId],
  )
  const actions = useClaimActions({
    api,
    getContext,
    status,
    readOnly,
    snap,
    notify,
    setStatus,
    setHistory,
    select: selectClaim,
    refreshListing,
  })
  const selectNeighbour = useCallback(
    (step: 1 | -1) => {
      const next = neighbourClaim(focusedListing?.claims ?? [], selectedClaimId, step)
      if (next) selectClaim(next.claim.id, true)
    },
    [focusedListing, selectedClaimId, selectClaim],
  )
  const onClaimClick = useCallback(
    (click: ClaimClick) => {
      if (click.ids.length > 1) setChooser(click)
      else selectClaim(click.ids[0] ?? null)
    },
    [selectClaim],
  )
  // ---- Links, clusters, the matrix ----
  const relations = settings?.relations ?? NO_RELATIONS
  useRelationStylesheet(relations)
  const relationsById = useMemo(() => new Map(relations.map((r) => [r.id, r])), [relations])
  const {
    version: dataVersion,
    linkVersion,
    bump: bumpData,
    claimLinks,
    badges,
  } = useLinkData(api, shownKeys, listings, relations)
  const linkActions = useLinkActions({
    api,
    queue: actions.queue,
    readOnly,
    notify,
    changed: bumpData,
  })
  const selectedId = selectedPlaced?.claim.id ?? null
  const suggestions = usePanelSuggestions(
    api,
    view === 'documents' ? selectedPlaced : null,
    linkVersion,
    claimLinks,
    linkActions,
  )
  const [linkDialog, setLinkDialog] = useState<'search' | 'outside' | null>(null)
  const [deleting, setDeleting] = useState<{ id: string; links: number } | null>(null)
  const focusedSummary = focusedKey === null ? undefined : summaries.get(focusedKey)
  const pair = useLinkPair(selectedPlaced, focusedSummary, claimLinks)
  const { forget: forgetPair, dismiss: dismissPair } = pair
  /** Links the pair the link bar offers (claim selected first -> claim selected now). */
  const linkOfferedPair = (relation: string) => {
    const offer = pair.offer
    if (!offer) return
    dismissPair()
    void linkActions.create({
      from: offer.from.claimId,
      to: { kind: 'claim', claimId: offer.to.claimId },
      relation,
    })
  }
  const focusFocusedReader = useCallback(
    () => paneHandles.current.get(focusedPaneId)?.focusReader(),
    [focusedPaneId],
  )
  const showDocument = useCallback(
    (documentKey: string, beside: boolean) => {
      switchView('documents')
      forgetPair()
      dispatch({ type: 'show', key: documentKey, beside })
    },
    [switchView, forgetPair],
  )
  const { openClaim, jumpTo } = useClaimJump({
    listings,
    focusedKey,
    focusReader: focusFocusedReader,
    show: showDocument,
    selectClaim,
    notify,
  })

  /** Deleting a linked claim takes its links along: say so first. */
  const removeClaim = useCallback(
    (id: string) => {
      const links = claimLinks.get(id)?.length ?? 0
      if (links === 0) actions.remove(id)
      else setDeleting({ id, links })
    },
    [claimLinks, actions],
  )

  const dialogOpen =
    prompt !== null ||
    chooser !== null ||
    settingsOpen ||
    actions.awaitingAnnotator ||
    linkDialog !== null ||
    deleting !== null
  const keysEnabled = !dialogOpen && state?.project != null && view === 'documents'
  useLinkKeys({
    enabled: keysEnabled && readOnly === null,
    hasSelectedClaim: selectedId !== null,
    relations,
    offeringPair: pair.offer !== null,
    openSearch: () => setLinkDialog('search'),
    openOutside: () => setLinkDialog('outside'),
    acceptFirstSuggestion: () => {
      if (suggestions.first) void suggestions.accept(suggestions.first)
    },
    linkPair: linkOfferedPair,
    dismissPair,
  })
  useClaimKeys({
    actions: { ...actions, remove: removeClaim },
    labels,
    enabled: keysEnabled,
    selectedId,
    selectNeighbour,
    deselect: () => {
      selectClaim(null)
      setPlacingId(null)
      forgetPair()
    },
  })
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels])

  const showPanel = view === 'documents' && state?.project != null && focusedDocument !== undefined

  const projectViewProps = {
    api,
    version: dataVersion,
    readOnly,
    onOpenClaim: openClaim,
    onExport: actions.exportTable,
    notify,
  }

  const showWelcome =
    state !== null && (state.firstRun || (state.project === null && state.documents.length === 0))

  return (
    <div className={showWelcome ? 'app welcoming' : showPanel ? 'app with-panel' : 'app'}>
      {state === null ? (
        <main className="connecting">Connecting to the workbench…</main>
      ) : showWelcome ? (
        <Welcome
          busy={busy}
          onOpenSample={() =>
            run('Could not open the sample project', () => api.openSampleProject())
          }
          onChooseProject={chooseProject}
          onChooseFiles={chooseFiles}
        />
      ) : (
        <>
          <Sidebar
            project={state.project}
            documents={state.documents}
            problems={state.problems}
            currentKey={focusedPane.active}
            busy={busy}
            counts={counts}
            labels={labels}
            onOpenSettings={() => setSettingsOpen(true)}
            onOpen={(key) => dispatch({ type: 'open', key })}
            onOpenBeside={(key) => dispatch({ type: 'open-beside', key })}
            onChooseProject={chooseProject}
            onChooseFiles={chooseFiles}
            onRefresh={() => run('Could not read the project again', () => api.refresh())}
          >
            {state.project && <ViewSwitcher view={view} onChange={switchView} />}
          </Sidebar>
          {view === 'clusters' || view === 'matrix' ? (
            <main className="workspace project-workspace">
              {view === 'clusters' ? (
                <ClustersView {...projectViewProps} />
              ) : (
                <MatrixView {...projectViewProps} />
              )}
            </main>
          ) : (
            <main
              className={
                layout.panes.length > 1
                  ? `workspace split panes-${layout.panes.length}`
                  : 'workspace'
              }
            >
              {layout.panes.map((pane, index) => (
                <Pane
                  key={pane.id}
                  ref={(handle) => {
                    if (handle) paneHandles.current.set(pane.id, handle)
                    else paneHandles.current.delete(pane.id)
                  }}
                  pane={pane}
                  isFocused={index === layout.focused}
                  isSplit={layout.panes.length > 1}
                  summaries={summaries}
                  documents={documents}
                  onFocus={() => dispatch({ type: 'focus', pane: index })}
                  onActivate={(key) => dispatch({ type: 'activate', pane: index, key })}
                  onClose={(key) => dispatch({ type: 'close', pane: index, key })}
                  onOpenBeside={(key) => dispatch({ type: 'open-beside', key })}
                  onSelectionChange={selectionCallbacks[pane.id]!}
                  claims={
                    pane.active
                      ? drawnClaims(listings[pane.active], badges[pane.active])
                      : NO_CLAIMS
                  }
                  onBadge={badgeCard.onBadge}
                  selectedRange={pane.id === focusedPane.id ? selectedRange : null}
                  onClaimClick={onClaimClick}
                />
              ))}
            </main>
          )}
          {showPanel && (
            <ClaimPanel
              key={focusedKey}
              listing={focusedListing ?? null}
              labels={labels}
              selectedId={selectedPlaced?.claim.id ?? null}
              readOnly={readOnly !== null}
              hasSelection={focusedSelection !== null}
              placingId={placingId}
              onSelect={(id) => selectClaim(id, true)}
              onChange={actions.update}
              onDelete={removeClaim}
              badges={(focusedKey !== null && badges[focusedKey]) || NO_BADGES}
              onPlace={(id) => {
                setPlacingId(null)
                actions.place(id)
              }}
              onConfirmPlace={(id) =>
                selectedPlaced?.claim.id === id &&
                actions.place(id, { start: selectedPlaced.start, end: selectedPlaced.end })
              }
              onStartPlacing={setPlacingId}
              onExport={actions.exportTable}
            >
              {selectedPlaced && (
                <ClaimLinks
                  links={claimLinks.get(selectedPlaced.claim.id) ?? []}
                  relations={relations}
                  suggestions={suggestions.fresh}
                  readOnly={readOnly !== null}
                  onJump={jumpTo}
                  onUpdate={linkActions.update}
                  onDelete={linkActions.remove}
                  onOpenSearch={() => setLinkDialog('search')}
                  onOpenOutside={() => setLinkDialog('outside')}
                  onAccept={(suggestion) => void suggestions.accept(suggestion)}
                />
              )}
            </ClaimPanel>
          )}
          {pair.offer && view === 'documents' && !dialogOpen && (
            <LinkBar
              pair={pair.offer}
              relations={relations}
              onLink={linkOfferedPair}
              onDismiss={dismissPair}
            />
          )}
          {badgeCard.card &&
            view === 'documents' &&
            (claimLinks.get(badgeCard.card.claimId)?.length ?? 0) > 0 && (
              <LinkHoverCard
                links={claimLinks.get(badgeCard.card.claimId)!}
                relations={relationsById}
                at={badgeCard.card.rect}
                pinned={badgeCard.card.pinned}
                onJump={jumpTo}
                onClose={badgeCard.close}
                onPointerInside={badgeCard.onPointerInside}
              />
            )}
          {focusedSelection &&
            focusedDocument &&
            readOnly === null &&
            !dialogOpen &&
            state.project && (
              <LabelPopover
                labels={labels}
                selection={focusedSelection}
                canSetRange={selectedPlaced !== null}
                placing={placingId}
                onLabel={actions.createFromSelection}
                onSetRange={actions.setRangeFromSelection}
                onPlace={() => {
                  if (placingId) actions.place(placingId)
                  setPlacingId(null)
                }}
              />
            )}
          {chooser && focusedListing && (
            <ClaimChooser
              claims={chooser.ids
                .map((id) => focusedListing.claims.find(({ claim }) => claim.id === id))
                .filter((placed) => placed !== undefined)}
              labels={labelsById}
              x={chooser.x}
              y={chooser.y}
              onChoose={(id) => selectClaim(id)}
              onClose={() => setChooser(null)}
            />
          )}
        </>
      )}
      <Notices
        notices={notices}
        onDismiss={(id) => setNotices((current) => current.filter((notice) => notice.id !== id))}
      />
      <StatusBar
        projectName={state?.project?.name ?? null}
        documentCount={state?.documents.length ?? 0}
        problemCount={state?.problems.length ?? 0}
        selection={selections[focusedPane.id] ?? null}
        save={projectRoot === null ? null : (status?.save ?? null)}
        annotator={projectRoot === null ? null : (status?.annotator ?? null)}
      />
      {actions.awaitingAnnotator && (
        <AnnotatorDialog
          error={actions.annotatorError}
          busy={false}
          onConfirm={actions.confirmAnnotator}
          onCancel={actions.cancelAnnotator}
        />
      )}
      {settingsOpen && (
        <SettingsDialog
          settings={settings}
          readOnly={settings?.readOnly ?? null}
          snap={snap}
          onSnapChange={setSnap}
          onSaveLabels={actions.saveLabels}
          onSaveRelations={actions.saveRelations}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {linkDialog === 'search' && selectedPlaced && (
        <LinkSearchDialog
          api={api}
          source={{
            claimId: selectedPlaced.claim.id,
            quote: selectedPlaced.claim.target.quote.exact,
          }}
          relations={relations}
          onLinkClaim={(claimId, relation) =>
            linkActions.create({
              from: selectedPlaced.claim.id,
              to: { kind: 'claim', claimId },
              relation,
            })
          }
          onAccept={(listing, suggestion, relation) =>
            linkActions.accept(listing, suggestion, selectedPlaced.claim.label, relation)
          }
          onClose={() => setLinkDialog(null)}
        />
      )}
      {linkDialog === 'outside' && selectedPlaced && (
        <OutsideSourceDialog
          claimQuote={selectedPlaced.claim.target.quote.exact}
          relations={relations}
          onSubmit={(source, relation, note) =>
            linkActions.linkOutside(selectedPlaced.claim.id, source, relation, note)
          }
          onClose={() => setLinkDialog(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete the claim and its links?"
          testId="delete-claim-dialog"
          confirmLabel={`Delete claim and ${deleting.links === 1 ? 'its link' : `${deleting.links} links`}`}
          onConfirm={() => {
            actions.remove(deleting.id)
            setDeleting(null)
          }}
          onCancel={() => setDeleting(null)}
        >
          This claim has {deleting.links === 1 ? 'a link' : `${deleting.links} links`}. Deleting it
          removes {deleting.links === 1 ? 'that link' : 'them'} too, so no link is left pointing at
          nothing. Undo (Ctrl+Z) brings back the claim and its links.
        </ConfirmDialog>
      )}
      {prompt && (
        <PathPrompt kind={prompt} onConfirm={confirmPrompt} onCancel={() => setPrompt(null)} />
      )}
    </div>
  )
}
