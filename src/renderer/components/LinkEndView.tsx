/**
 * The other end of a link, as the claim panel and the link card show it: a claim (its document
 * and quote, a button that jumps to it) or an outside source (title, publisher, date, and its
 * address shown as text: never followed inside the app, the analyst copies it to a browser).
 */
import type { OutsideEnd, ResolvedClaimEnd } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'
import { otherEndText } from '../links/claim-links'

interface LinkEndViewProps {
  end: ResolvedClaimEnd | OutsideEnd
  /** Longest quote shown, in characters. */
  quoteLength: number
  jumpTestId: string
  onJump(end: ResolvedClaimEnd): void
}

export function LinkEndView({ end, quoteLength, jumpTestId, onJump }: LinkEndViewProps) {
  if (end.kind === 'claim') {
    return (
      <button
        type="button"
        className="link-other"
        data-testid={jumpTestId}
        title={`Show in ${end.path}`}
        // A claim whose document left the project has nowhere to jump to.
        disabled={end.documentKey === null}
        onClick={() => onJump(end)}
      >
        <span className="target-path">{end.path}</span>
        <span className="target-quote">{shortQuote(end.quote, quoteLength)}</span>
      </button>
    )
  }
  return (
    <span className="link-other outside" data-testid="link-outside">
      <span className="target-path">outside source</span>
      <span className="target-quote">{otherEndText(end)}</span>
      {end.url && (
        <span className="outside-url" title="Address of the source">
          {end.url}
        </span>
      )}
    </span>
  )
}
