/**
 * The selected claim's links in the claim panel: its links and backlinks (click one to jump to
 * the other passage, side by side), the relation, note and confidence of each, and the
 * suggestions for new ones (A accepts the first not linked yet; those linked already are
 * marked). L links by search, O to an outside source, Shift+L with a claim picked in another
 * document.
 */
import type {
  Certainty,
  LinkPatch,
  LinkSuggestion,
  RelationType,
  ResolvedClaimEnd,
} from '../../shared/api'
import { CERTAINTY_CHOICES, shortQuote } from '../claims/claim-text'
import { LinkEndView } from './LinkEndView'
import { relationPhrase, type ClaimLink } from '../links/claim-links'

interface ClaimLinksProps {
  links: readonly ClaimLink[]
  relations: readonly RelationType[]
  /** Suggestions for new links, best first; a target linked already is marked. */
  suggestions: readonly LinkSuggestion[]
  readOnly: boolean
  /** This claim starts a link: the next claim selected in another document ends it. */
  linking: boolean
  onJump(end: ResolvedClaimEnd): void
  onUpdate(linkId: string, patch: LinkPatch): void
  onDelete(linkId: string): void
  onOpenSearch(): void
  onOpenOutside(): void
  onLinkWithClaim(): void
  onAccept(suggestion: LinkSuggestion): void
}

export function ClaimLinks(props: ClaimLinksProps) {
  const { links, relations, suggestions: fresh, readOnly } = props
  const relationById = new Map(relations.map((relation) => [relation.id, relation]))
  const outgoing = links.filter((entry) => entry.direction === 'out')
  const backlinks = links.filter((entry) => entry.direction === 'in')
  const firstFree = fresh.find((suggestion) => suggestion.linked === null)
  const list = (entries: readonly ClaimLink[], title: string, testId: string) =>
    entries.length > 0 && (
      <>
        <h4>{title}</h4>
        <ul className="link-list" data-testid={testId}>
          {entries.map((entry) => (
            <LinkRow
              key={entry.resolved.link.id}
              entry={entry}
              relations={relations}
              relation={
                entry.resolved.relation ?? relationById.get(entry.resolved.link.relation) ?? null
              }
              readOnly={readOnly}
              onJump={props.onJump}
              onUpdate={props.onUpdate}
              onDelete={props.onDelete}
            />
          ))}
        </ul>
      </>
    )

  return (
    <section className="claim-links" aria-label="Links of the claim" data-testid="claim-links">
      <div className="section-header">
        <h3>
          Links <span className="panel-count">{links.length}</span>
        </h3>
        <div className="section-actions">
          <button
            type="button"
            data-testid="open-link-search"
            disabled={readOnly}
            title="Link to another claim: search, or take a suggestion (L)"
            onClick={props.onOpenSearch}
          >
            Link… <kbd>L</kbd>
          </button>
          <button
            type="button"
            data-testid="open-outside"
            disabled={readOnly}
            title="Link to a source outside the project (O)"
            onClick={props.onOpenOutside}
          >
            Outside source… <kbd>O</kbd>
          </button>
          <button
            type="button"
            data-testid="link-with-claim"
            disabled={readOnly}
            aria-pressed={props.linking}
            title="Link with a claim you select next in another document (Shift+L)"
            onClick={props.onLinkWithClaim}
          >
            With claim… <kbd>Shift+L</kbd>
          </button>
        </div>
      </div>
      {props.linking && (
        <p className="panel-hint" data-testid="linking-hint">
          Select the claim to link with in another document (Esc cancels).
        </p>
      )}
      {links.length === 0 && !props.linking && (
        <p className="panel-empty">
          Not linked yet. Press L to search, or Shift+L and select a claim in another document.
        </p>
      )}
      {list(outgoing, 'From this claim', 'outgoing-links')}
      {list(backlinks, 'Backlinks', 'backlinks')}
      {fresh.length > 0 && (
        <>
          <h4>Suggestions</h4>
          <ol className="suggestion-list" data-testid="suggestions">
            {fresh.map((suggestion) => (
              <li
                key={`${suggestion.target.documentKey}:${suggestion.target.start}`}
                className={suggestion.linked === null ? 'suggestion' : 'suggestion linked'}
                data-testid="suggestion"
                data-linked={suggestion.linked ?? undefined}
              >
                <span className="target-head">
                  <span className="target-path">{suggestion.target.path}</span>
                  <span className="relation-chip small" data-relation={suggestion.relation}>
                    <span className="link-dot" aria-hidden="true" />
                    {relationById.get(suggestion.relation)?.name ?? suggestion.relation}
                  </span>
                  {suggestion.linked === null ? (
                    <button
                      type="button"
                      className="small"
                      data-testid="accept-suggestion"
                      disabled={readOnly}
                      title={suggestion === firstFree ? 'Create this link (A)' : 'Create this link'}
                      onClick={() => props.onAccept(suggestion)}
                    >
                      Accept{suggestion === firstFree && <kbd>A</kbd>}
                    </button>
                  ) : (
                    <span className="linked-mark" data-testid="linked-mark">
                      linked: {relationById.get(suggestion.linked)?.name ?? suggestion.linked}
                    </span>
                  )}
                </span>
                <span className="target-quote">{shortQuote(suggestion.target.quote, 160)}</span>
                {suggestion.reasons.length > 0 && (
                  <span className="target-reasons">{suggestion.reasons.join(' · ')}</span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

interface LinkRowProps {
  entry: ClaimLink
  relations: readonly RelationType[]
  relation: RelationType | null
  readOnly: boolean
  onJump(end: ResolvedClaimEnd): void
  onUpdate(linkId: string, patch: LinkPatch): void
  onDelete(linkId: string): void
}

function LinkRow({
  entry,
  relations,
  relation,
  readOnly,
  onJump,
  onUpdate,
  onDelete,
}: LinkRowProps) {
  const { link } = entry.resolved
  const other = entry.other
  return (
    <li className="link-row" data-testid="link-row" data-relation={link.relation}>
      <span className="link-row-head">
        <span className="link-dot" aria-hidden="true" />
        <select
          aria-label="Relation"
          data-testid="link-relation"
          value={link.relation}
          disabled={readOnly}
          onChange={(event) => onUpdate(link.id, { relation: event.target.value })}
        >
          {relations.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
          {relation === null && <option value={link.relation}>{link.relation}</option>}
        </select>
        <span className="link-direction">{entry.direction === 'in' ? '← from' : '→ to'}</span>
        <select
          aria-label="Confidence in the link"
          value={link.confidence ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            onUpdate(link.id, { confidence: (event.target.value || null) as Certainty | null })
          }
        >
          {CERTAINTY_CHOICES.map((certainty) => (
            <option key={certainty} value={certainty}>
              {certainty || 'confidence?'}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small danger"
          aria-label="Delete link"
          title="Delete this link"
          disabled={readOnly}
          onClick={() => onDelete(link.id)}
        >
          ×
        </button>
      </span>
      <LinkEndView end={other} quoteLength={160} jumpTestId="link-jump" onJump={onJump} />
      <input
        className="link-note"
        aria-label="Note on the link"
        placeholder={`Note (${relationPhrase(entry, relation)})`}
        defaultValue={link.note}
        disabled={readOnly}
        onBlur={(event) => {
          const note = event.target.value.trim()
          if (note !== link.note) onUpdate(link.id, { note })
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
        }}
      />
    </li>
  )
}
