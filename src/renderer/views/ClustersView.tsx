/**
 * Claim clusters: claims joined by 'same claim' links (transitively), each with its canonical
 * wording, editable in place, and its mentions, earliest first. By default only clusters of two
 * or more mentions; a toggle adds the claims linked to nothing. A text filter narrows by
 * wording and quotes.
 */
import { useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef } from 'react'
import type { ClusterView } from '../../shared/api'
import { plural } from '../components/format'
import { ClusterCard } from './ClusterCard'
import { filterClusters } from './cluster-filter'
import type { ProjectViewProps } from './types'
import { useViewData } from './use-view-data'
import { recall, remember, useRememberedState } from './view-memory'
import { errorText } from '../store/errors'
import './views.css'

export function ClustersView(props: ProjectViewProps) {
  const { api, session, version, readOnly, onOpenClaim, setWording, notify } = props
  // Remembered for the session: coming back from a passage finds the list as it was left.
  const [text, setText] = useRememberedState(session, 'clusters:filter', '')
  const [includeSingletons, setIncludeSingletons] = useRememberedState(
    session,
    'clusters:singletons',
    false,
  )
  const load = useCallback(() => api.getClusters(), [api])
  const { data, error, loading, setData } = useViewData({
    load,
    version,
    key: '',
    memory: { owner: session, name: 'clusters' },
  })
  const scroller = useRef<HTMLDivElement>(null)
  const restored = useRef(false)
  const hasData = data !== null
  useLayoutEffect(() => {
    if (restored.current || !hasData || !scroller.current) return
    restored.current = true
    scroller.current.scrollTop = recall<number>(session, 'clusters:scroll') ?? 0
  }, [session, hasData])
  const headingId = useId()
  // Typing stays responsive with hundreds of clusters: the list catches up a frame later.
  const filterText = useDeferredValue(text)

  const filtered = useMemo(
    () => filterClusters(data ?? [], { text: filterText, includeSingletons }),
    [data, filterText, includeSingletons],
  )

  const saveWording = useCallback(
    async (clusterId: string, wording: string | null): Promise<boolean> => {
      try {
        const saved = await setWording(clusterId, wording)
        setData(replaceCluster(data ?? [], saved))
        return true
      } catch (failure) {
        notify('Could not change the wording', failure)
        return false
      }
    },
    [setWording, data, setData, notify],
  )

  const total = filtered.linked + (includeSingletons ? filtered.singletons : 0)
  return (
    <section className="project-view clusters-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div className="view-title">
          <h2 id={headingId}>Clusters</h2>
          <p className="view-summary" data-testid="clusters-summary" aria-live="polite">
            {data === null
              ? loading
                ? 'Loading…'
                : ''
              : summary(filtered.shown.length, total, filtered.mentions)}
          </p>
        </div>
        <div className="view-tools">
          <input
            type="search"
            className="view-filter"
            data-testid="cluster-filter"
            placeholder="Filter wordings and quotes"
            aria-label="Filter clusters by wording"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <label className="view-toggle">
            <input
              type="checkbox"
              data-testid="include-singletons"
              checked={includeSingletons}
              onChange={(event) => setIncludeSingletons(event.target.checked)}
            />
            Include unlinked claims
            <span className="badge">{filtered.singletons}</span>
          </label>
        </div>
      </header>
      {readOnly && (
        <p className="view-notice" role="note">
          Wordings cannot be changed: {readOnly}
        </p>
      )}
      <div
        className="view-scroll"
        ref={scroller}
        onScroll={(event) => remember(session, 'clusters:scroll', event.currentTarget.scrollTop)}
      >
        {data === null ? (
          error !== null && (
            <p className="view-empty">Could not load the clusters: {errorText(error)}</p>
          )
        ) : filtered.shown.length === 0 ? (
          <p className="view-empty" data-testid="clusters-empty">
            {emptyMessage(data.length, filtered.linked, filterText)}
          </p>
        ) : (
          <ol className="cluster-list" data-testid="cluster-list" aria-labelledby={headingId}>
            {filtered.shown.map((cluster) => (
              <ClusterCard
                key={cluster.id}
                cluster={cluster}
                readOnly={readOnly}
                onSaveWording={saveWording}
                onOpenClaim={onOpenClaim}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}

function summary(shown: number, total: number, mentions: number): string {
  const clusters =
    shown === total ? plural(total, 'cluster') : `${shown} of ${plural(total, 'cluster')}`
  return `${clusters} · ${plural(mentions, 'mention')}`
}

function emptyMessage(claims: number, linked: number, filter: string): string {
  if (claims === 0)
    return 'No claims yet. Highlight claims in the documents, then link the same claim across outlets.'
  if (filter.trim() !== '') return `No cluster matches “${filter.trim()}”.`
  if (linked === 0)
    return 'No clusters yet: link claims that say the same thing (relation “same claim”) to group them.'
  return 'Nothing to show.'
}

/** The clusters with one replaced by what setClusterWording answered. */
function replaceCluster(clusters: readonly ClusterView[], saved: ClusterView): ClusterView[] {
  return clusters.map((cluster) => (cluster.id === saved.id ? saved : cluster))
}
