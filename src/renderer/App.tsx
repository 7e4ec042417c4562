/**
 * The application shell: keeps the backend's state, which documents are open
 * where, and the loaded documents; everything visible is drawn by components/.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import {
  WorkbenchError,
  type DocumentSummary,
  type OpenedDocument,
  type WorkbenchState,
} from '../shared/api'
import type { WorkbenchClient } from '../shared/client'
import { hasCommandModifier } from './components/format'
import { Notices, type Notice } from './components/Notices'
import { Pane, type PaneHandle } from './components/Pane'
import { PathPrompt } from './components/PathPrompt'
import { Sidebar } from './components/Sidebar'
import { StatusBar } from './components/StatusBar'
import { Welcome } from './components/Welcome'
import { initialLayout, layoutReducer } from './layout'
import type { OffsetRange } from './reader/positions'

export function App({ api }: { api: WorkbenchClient }) {
  const [state, setState] = useState<WorkbenchState | null>(null)
  const [layout, dispatch] = useReducer(layoutReducer, initialLayout)
  const [documents, setDocuments] = useState<Record<string, OpenedDocument>>({})
  const [selections, setSelections] = useState<Record<string, OffsetRange | null>>({})
  const [notices, setNotices] = useState<Notice[]>([])
  const [prompt, setPrompt] = useState<'folder' | 'files' | null>(null)
  const [busy, setBusy] = useState(false)
  const previousState = useRef<WorkbenchState | null>(null)
  const loading = useRef(new Set<string>())
  const paneHandles = useRef(new Map<string, PaneHandle>())
  const nextNoticeId = useRef(1)

  const notify = useCallback((title: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const id = nextNoticeId.current++
    setNotices((current) => [...current, { id, title, message }])
  }, [])

  /** Takes a new state from the backend and drops what no longer matches it. */
  const applyState = useCallback((next: WorkbenchState) => {
    const previous = previousState.current
    previousState.current = next
    setState(next)
    if (previous === null || previous.project?.root !== next.project?.root) {
      dispatch({ type: 'reset' })
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
  }, [focusedPane, openBesideFocused])

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

  const showWelcome =
    state !== null && (state.firstRun || (state.project === null && state.documents.length === 0))

  return (
    <div className={showWelcome ? 'app welcoming' : 'app'}>
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
            onOpen={(key) => dispatch({ type: 'open', key })}
            onOpenBeside={(key) => dispatch({ type: 'open-beside', key })}
            onChooseProject={chooseProject}
            onChooseFiles={chooseFiles}
            onRefresh={() => run('Could not read the project again', () => api.refresh())}
          />
          <main className={layout.panes.length > 1 ? 'workspace split' : 'workspace'}>
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
              />
            ))}
          </main>
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
      />
      {prompt && (
        <PathPrompt kind={prompt} onConfirm={confirmPrompt} onCancel={() => setPrompt(null)} />
      )}
    </div>
  )
}
