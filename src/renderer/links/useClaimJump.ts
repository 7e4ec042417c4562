/**
 * Jumps to a claim from a link, a link card, a cluster or a matrix cell: shows its document
 * (beside the current one, for links), and once the document is open and its claims listed,
 * selects the claim, scrolls to it and focuses that reader. A jump whose document took too long
 * (or failed) to open is dropped rather than snatching the selection later.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClaimListing, ResolvedClaimEnd } from '../../shared/api'

/** How long a jump waits for its document to open and list its claims. */
const JUMP_PATIENCE_MS = 5_000

interface ClaimJumpOptions {
  listings: Readonly<Record<string, ClaimListing>>
  /** The document in the focused pane, and that pane's reader focus. */
  focusedKey: string | null
  focusReader(): void
  /** Brings the document into view (layout 'show') and the documents view forward. */
  show(documentKey: string, beside: boolean): void
  selectClaim(id: string, scroll: boolean): void
  notify(title: string, error: unknown): void
}

export function useClaimJump(options: ClaimJumpOptions) {
  const { listings, focusedKey, focusReader, show, selectClaim, notify } = options
  const [pending, setPending] = useState<{
    claimId: string
    documentKey: string
    at: number
  } | null>(null)
  const openClaim = useCallback(
    (claimId: string, documentKey: string, beside = false) => {
      show(documentKey, beside)
      setPending({ claimId, documentKey, at: Date.now() })
    },
    [show],
  )
  const listing = pending ? listings[pending.documentKey] : undefined
  /** The jump already made: each request is carried out once, when its listing is there. */
  const made = useRef<typeof pending>(null)
  useEffect(() => {
    if (!pending || made.current === pending) return
    if (focusedKey !== pending.documentKey || !listing) return
    made.current = pending
    if (Date.now() - pending.at > JUMP_PATIENCE_MS) return
    if (listing.claims.some(({ claim }) => claim.id === pending.claimId)) {
      // The jump waits for the listing to arrive from the backend, and scrolls the reader:
      // this effect answers an outside event, so selecting here is the intended use.
      selectClaim(pending.claimId, true)
      focusReader()
    } else {
      notify(
        'The claim is not in the text',
        new Error('Its passage is listed under "Needs attention".'),
      )
    }
  }, [pending, focusedKey, listing, selectClaim, focusReader, notify])
  /** Along a link: the other passage opens beside the one being read. */
  const jumpTo = useCallback(
    (end: ResolvedClaimEnd) => {
      if (end.documentKey !== null) openClaim(end.claimId, end.documentKey, true)
    },
    [openClaim],
  )
  return { openClaim, jumpTo }
}
