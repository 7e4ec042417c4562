/**
 * The project sidebar: project actions, the documents grouped by folder, the files that could
 * not be read, and the annotators' files (colleagues' arrive as they land in annotations/).
 */
import type { KeyboardEvent, ReactNode } from 'react'
import type {
  AnnotatorFileSummary,
  ClaimCounts,
  DocumentSummary,
  FileProblem,
  Label,
  ProjectInfo,
} from '../../shared/api'
import { documentLabel, fileName, folderOf, formatDate, formatSize, plural } from './format'

interface SidebarProps {
  project: ProjectInfo | null
  documents: DocumentSummary[]
  problems: FileProblem[]
  /** Key of the document shown in the focused pane, marked as current. */
  currentKey: string | null
  busy: boolean
  counts: ClaimCounts
  /** Every annotator's file of the project; null until listed. */
  annotators: readonly AnnotatorFileSummary[] | null
  labels: readonly Label[]
  onOpenSettings(): void
  /** Export Dataset… / Import Annotations… (also in the File menu). */
  onOpenDataset(direction: 'export' | 'import'): void
  onOpen(key: string): void
  onOpenBeside(key: string): void
  onChooseProject(): void
  onChooseFiles(): void
  onRefresh(): void
  /** Shown under the project actions (the view switcher). */
  children?: ReactNode
}

export function Sidebar(props: SidebarProps) {
  const { project, problems, busy } = props
  return (
    <nav className="sidebar" aria-label="Project">
      <div className="sidebar-header">
        <h1 className="project-name" title={project?.root}>
          {project ? project.name : 'No project'}
          {project?.isSample && <span className="badge">sample</span>}
        </h1>
        <div className="sidebar-actions">
          <button
            type="button"
            disabled={busy}
            onClick={props.onChooseProject}
            title="Open a project folder"
          >
            Open folder…
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={props.onChooseFiles}
            title="Open single article files"
          >
            Open files…
          </button>
          <button
            type="button"
            disabled={busy || !project}
            onClick={props.onRefresh}
            title="Read the project folder again"
          >
            Refresh
          </button>
          <button
            type="button"
            data-testid="open-settings"
            disabled={!project}
            onClick={props.onOpenSettings}
            title="Labels and selection settings"
          >
            Settings
          </button>
          <button
            type="button"
            data-testid="open-dataset-export"
            disabled={!project}
            onClick={() => props.onOpenDataset('export')}
            title="Export a dataset: W3C Web Annotation, brat, JSONL, ClaimReview"
          >
            Export…
          </button>
          <button
            type="button"
            data-testid="open-dataset-import"
            disabled={!project}
            onClick={() => props.onOpenDataset('import')}
            title="Import W3C Web Annotation, brat or Label Studio annotations as a new annotator"
          >
            Import…
          </button>
        </div>
      </div>
      {props.children}
      <div className="sidebar-scroll">
        <DocumentList {...props} />
        {problems.length > 0 && <ProblemList problems={problems} />}
        {project && props.annotators && props.annotators.length > 0 && (
          <AnnotatorList annotators={props.annotators} />
        )}
      </div>
      {project && <LabelLegend labels={props.labels} counts={props.counts.byLabel} />}
    </nav>
  )
}

function DocumentList({ documents, currentKey, counts, onOpen, onOpenBeside }: SidebarProps) {
  if (documents.length === 0) {
    return <p className="sidebar-empty">No articles here yet.</p>
  }
  return (
    <ul className="doc-list" data-testid="doc-list" aria-label="Documents">
      {groupByFolder(documents).map(([folder, members]) => (
        <li key={folder} className="doc-group">
          {folder !== '' && <h2 className="doc-folder">{folder}</h2>}
          <ul className="doc-group-items">
            {members.map((document) => (
              <DocumentItem
                key={document.key}
                document={document}
                isCurrent={document.key === currentKey}
                claimCount={counts.byDocument[document.key] ?? 0}
                onOpen={onOpen}
                onOpenBeside={onOpenBeside}
              />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}

interface DocumentItemProps {
  document: DocumentSummary
  isCurrent: boolean
  claimCount: number
  onOpen(key: string): void
  onOpenBeside(key: string): void
}

function DocumentItem(props: DocumentItemProps) {
  const { document, isCurrent, claimCount, onOpen, onOpenBeside } = props
  const label = documentLabel(document)
  const facts = [
    document.metadata.outlet,
    formatDate(document.metadata.published),
    formatSize(document.size),
  ]
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.altKey)) {
      event.preventDefault()
      onOpenBeside(document.key)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Up and down walk the list, across folders, without opening anything.
      event.preventDefault()
      const items = [
        ...(event.currentTarget.closest('.doc-list')?.querySelectorAll<HTMLElement>('.doc-item') ??
          []),
      ]
      const index = items.indexOf(event.currentTarget)
      items[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus()
    }
  }
  return (
    <li className={isCurrent ? 'doc-row current' : 'doc-row'}>
      <button
        type="button"
        className="doc-item"
        data-testid="doc-item"
        data-path={document.path}
        data-size={document.size}
        aria-current={isCurrent ? 'true' : undefined}
        title={`${document.path}\nEnter: open · Ctrl+Enter: open side by side · ↑/↓: move`}
        onClick={(event) => (event.ctrlKey || event.metaKey ? onOpenBeside : onOpen)(document.key)}
        onKeyDown={onKeyDown}
      >
        <span className="doc-title-line">
          <span className="doc-title">{label}</span>
          {claimCount > 0 && (
            <span
              className="claim-count"
              data-testid="doc-claim-count"
              title={plural(claimCount, 'claim')}
            >
              {claimCount}
            </span>
          )}
        </span>
        <span className="doc-facts">
          {facts.filter((fact): fact is string => !!fact).join(' · ')}
          {document.warnings.length > 0 && (
            <span className="doc-warning" title={document.warnings.join('\n')}>
              {' '}
              · ⚠ {document.warnings.length}
            </span>
          )}
        </span>
        {label !== fileName(document.path) && (
          <span className="doc-file">{fileName(document.path)}</span>
        )}
      </button>
      <button
        type="button"
        className="doc-beside icon-button"
        data-testid="open-beside"
        tabIndex={-1}
        title="Open side by side (Ctrl+Enter, Ctrl+click)"
        aria-label={`Open ${label} side by side`}
        onClick={() => onOpenBeside(document.key)}
      >
        ⇆
      </button>
    </li>
  )
}

/** The project's labels with their colour, key and number of claims. */
function LabelLegend({
  labels,
  counts,
}: {
  labels: readonly Label[]
  counts: Record<string, number>
}) {
  if (labels.length === 0) return null
  return (
    <section className="label-legend" data-testid="label-legend" aria-label="Labels">
      <ul>
        {labels.map((label) => (
          <li key={label.id} data-label={label.id} title={label.description}>
            <span className="swatch" aria-hidden="true" />
            <span className="legend-name">{label.name}</span>
            {label.key && <kbd>{label.key}</kbd>}
            <span className="legend-count" data-testid="label-count">
              {counts[label.id] ?? 0}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Whose annotation files the project holds: the analyst's own first marked "you". */
function AnnotatorList({ annotators }: { annotators: readonly AnnotatorFileSummary[] }) {
  return (
    <section className="annotators" data-testid="annotators" aria-labelledby="annotators-heading">
      <h2 id="annotators-heading" className="annotators-heading">
        Annotators ({annotators.length})
      </h2>
      <ul>
        {annotators.map((entry) => (
          <li
            key={entry.file}
            className={entry.problem ? 'annotator unreadable' : 'annotator'}
            data-testid="annotator-item"
            data-annotator={entry.annotator}
            title={entry.problem ?? entry.file}
          >
            <span className="annotator-name">{entry.annotator}</span>
            {entry.you && <span className="badge">you</span>}
            <span className="annotator-facts" data-testid="annotator-facts">
              {entry.problem
                ? 'cannot be read'
                : `${plural(entry.claims, 'claim')} · ${plural(entry.links, 'link')}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function ProblemList({ problems }: { problems: FileProblem[] }) {
  return (
    <section className="problems" data-testid="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="problems-heading">
        Problems ({problems.length})
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.path} className="problem" data-testid="problem" data-path={problem.path}>
            <span className="problem-path">{problem.path}</span>
            <span className="problem-message">{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Documents by folder ("" first for files at the top), each sorted by path. */
export function groupByFolder(
  documents: readonly DocumentSummary[],
): [string, DocumentSummary[]][] {
  const groups = new Map<string, DocumentSummary[]>()
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const document of sorted) {
    const folder = folderOf(document.path)
    const members = groups.get(folder)
    if (members) members.push(document)
    else groups.set(folder, [document])
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
