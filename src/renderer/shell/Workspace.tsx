/**
 * The documents view: the panes side by side, each reading its active document with that
 * document's claims and badges from the store.
 */
import { useCallback } from 'react'
import { drawnClaims } from '../claims/drawn-claims'
import { Pane } from '../components/Pane'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import type { PaneState } from '../layout'
import {
  badgesOf,
  claimListingCurrent,
  claimListingOf,
  focusedPaneOf,
  loadedDocumentsOf,
  selectedRangeOf,
  summariesOf,
} from '../store/selectors'
import { lanesOf } from '../store/review-selectors'

export function Workspace() {
  const panes = useAppState((state) => state.layout.panes)
  return (
    <main className={panes.length > 1 ? `workspace split panes-${panes.length}` : 'workspace'}>
      {panes.map((pane, index) => (
        <ConnectedPane key={pane.id} pane={pane} index={index} isSplit={panes.length > 1} />
      ))}
    </main>
  )
}

function ConnectedPane({
  pane,
  index,
  isSplit,
}: {
  pane: PaneState
  index: number
  isSplit: boolean
}) {
  const workbench = useWorkbench()
  const { claims, badgeCard, layout, store } = workbench
  const key = pane.active
  const isFocused = useAppState((state) => focusedPaneOf(state).id === pane.id)
  const summaries = useAppState(summariesOf)
  const documents = useAppState(loadedDocumentsOf)
  const listing = useAppState((state) => claimListingOf(state, key))
  // A claim to reveal is looked for once the listing holds every change made before the jump.
  const listingCurrent = useAppState((state) => claimListingCurrent(state, key))
  const badges = useAppState((state) => badgesOf(state, key))
  const lanes = useAppState((state) => lanesOf(state, key))
  const selectedRange = useAppState((state) => (isFocused ? selectedRangeOf(state) : null))
  const reveal = useAppState((state) => {
    const wanted = state.selection.reveal
    return wanted && isFocused && (wanted.documentKey === null || wanted.documentKey === key)
      ? wanted
      : null
  })
  const onSelectionChange = useCallback(
    (range: Parameters<typeof claims.selectText>[1]) => claims.selectText(pane.id, range),
    [claims, pane.id],
  )
  const onRevealed = useCallback(
    (found: boolean) => {
      store.dispatch({ type: 'selection/revealed' })
      if (!found) {
        store.dispatch({
          type: 'notice/add',
          notice: {
            kind: 'error',
            title: 'The claim is not in the text',
            message: 'Its passage is listed under "Needs attention".',
          },
        })
      }
    },
    [store],
  )
  return (
    <Pane
      ref={(handle) => {
        if (handle) workbench.panes.set(pane.id, handle)
        else workbench.panes.delete(pane.id)
      }}
      pane={pane}
      isFocused={isFocused}
      isSplit={isSplit}
      summaries={summaries}
      documents={documents}
      onFocus={() => layout({ type: 'focus', pane: index })}
      onActivate={(tab) => layout({ type: 'activate', pane: index, key: tab })}
      onClose={(tab) => layout({ type: 'close', pane: index, key: tab })}
      onOpenBeside={(tab) => layout({ type: 'open-beside', key: tab })}
      onEditDetails={(key) => workbench.documentDetails.open(key)}
      onSelectionChange={onSelectionChange}
      claims={drawnClaims(listing ?? undefined, badges)}
      lanes={lanes}
      onBadge={badgeCard.onBadge}
      selectedRange={selectedRange}
      onClaimClick={claims.clickClaims}
      reveal={reveal}
      claimsListed={listingCurrent}
      onRevealed={onRevealed}
    />
  )
}
