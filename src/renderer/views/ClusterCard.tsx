/**
 * One cluster: its wording (editable in place) and its mentions, earliest first, each with
 * outlet and date; the first appearance is marked. A mention opens its passage. Where dates are
 * unknown the card says so instead of guessing: a mention without a date reads "date unknown",
 * and no mention is marked first unless the earliest one has a date.
 */
import { memo } from 'react'
import type { ClusterMention, ClusterView } from '../../shared/api'
import { fileName, formatDate, plural } from '../components/format'
import { WordingEditor } from './WordingEditor'

interface ClusterCardProps {
  cluster: ClusterView
  readOnly: string | null
  onSaveWording(clusterId: string, text: string | null): Promise<boolean>
  onOpenClaim(claimId: string, documentKey: string): void
}

export const ClusterCard = memo(function ClusterCard(props: ClusterCardProps) {
  const { cluster, readOnly, onSaveWording, onOpenClaim } = props
  const mentions = cluster.mentions ?? []
  // Sources as the matrix counts them: documents.
  const sources = new Set(mentions.map((mention) => mention.path)).size
  const headingId = `cluster-${cluster.id}`
  // Undated mentions sort last, so the earliest has a date whenever any mention has one.
  const dated = cluster.firstAppearance.published !== undefined
  return (
    <li
      className="cluster-card"
      data-testid="cluster"
      data-cluster-id={cluster.id}
      aria-labelledby={headingId}
    >
      <div className="cluster-head">
        <h3 id={headingId} className="view-sr-only">
          {cluster.canonicalWording}
        </h3>
        <WordingEditor
          wording={cluster.canonicalWording}
          custom={cluster.customWording}
          readOnly={readOnly}
          onSave={(text) => onSaveWording(cluster.id, text)}
        />
        <span className="cluster-count" data-testid="cluster-count">
          {plural(cluster.memberClaimIds.length, 'mention')}
          {/* Worth saying only when one source carries the claim more than once. */}
          {sources > 0 &&
            sources < cluster.memberClaimIds.length &&
            ` in ${plural(sources, 'source')}`}
        </span>
      </div>
      {!dated && (
        <p className="cluster-undated" data-testid="cluster-undated">
          Dates unknown: which source was first cannot be said.
        </p>
      )}
      <ol
        className="mention-list"
        aria-label={dated ? 'Mentions, earliest first' : 'Mentions (dates unknown)'}
      >
        {mentions.map((mention) => (
          <MentionRow
            key={mention.claimId}
            mention={mention}
            first={dated && mention.claimId === cluster.firstAppearance.claimId}
            onOpenClaim={onOpenClaim}
          />
        ))}
      </ol>
    </li>
  )
})

interface MentionRowProps {
  mention: ClusterMention
  first: boolean
  onOpenClaim(claimId: string, documentKey: string): void
}

function MentionRow({ mention, first, onOpenClaim }: MentionRowProps) {
  const { documentKey } = mention
  const source = mention.outlet?.trim() || fileName(mention.path)
  const date = formatDate(mention.published)
  return (
    <li>
      <button
        type="button"
        className={first ? 'mention first' : 'mention'}
        data-testid="mention"
        data-claim-id={mention.claimId}
        disabled={documentKey === null}
        title={
          documentKey === null
            ? `${mention.path} is no longer in the project`
            : `Open in ${mention.path}`
        }
        onClick={() => documentKey !== null && onOpenClaim(mention.claimId, documentKey)}
      >
        <span className="mention-source">
          <span className="mention-outlet">{source}</span>
          {date ? (
            <time dateTime={date}>{date}</time>
          ) : (
            <span className="mention-undated">date unknown</span>
          )}
          {first && (
            <span className="first-mark" data-testid="first-appearance">
              First appearance
            </span>
          )}
        </span>
        <span className="mention-quote">{mention.quote}</span>
      </button>
    </li>
  )
}
