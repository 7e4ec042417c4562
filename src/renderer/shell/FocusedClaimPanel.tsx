/** The claim panel of the focused document, with the selected claim's links and suggestions. */
import { ClaimLinks } from '../components/ClaimLinks'
import { ClaimPanel } from '../components/ClaimPanel'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import {
  badgesOf,
  focusedKeyOf,
  focusedListingOf,
  focusedTextOf,
  labelsOf,
  linksOfClaim,
  panelSuggestionsOf,
  readOnlyOf,
  relationsOf,
  selectedPlacedOf,
} from '../store/selectors'

export function FocusedClaimPanel() {
  const { claims, links } = useWorkbench()
  const key = useAppState(focusedKeyOf)
  const listing = useAppState(focusedListingOf)
  const labels = useAppState(labelsOf)
  const relations = useAppState(relationsOf)
  const selected = useAppState(selectedPlacedOf)
  const readOnly = useAppState(readOnlyOf) !== null
  const hasSelection = useAppState(focusedTextOf) !== null
  const placingId = useAppState((state) => state.claims.placingId)
  const badges = useAppState((state) => badgesOf(state, key))
  const claimLinks = useAppState((state) => linksOfClaim(state, selected?.claim.id ?? null))
  const suggestions = useAppState(panelSuggestionsOf)
  const linkingFrom = useAppState((state) => state.selection.linkStart?.claimId ?? null)
  return (
    <ClaimPanel
      key={key}
      listing={listing}
      labels={labels}
      selectedId={selected?.claim.id ?? null}
      readOnly={readOnly}
      hasSelection={hasSelection}
      placingId={placingId}
      onSelect={(id) => claims.select(id, { focus: false })}
      onChange={claims.update}
      onDelete={claims.remove}
      badges={badges}
      onPlace={(id) => claims.place(id)}
      onConfirmPlace={claims.confirmPlace}
      onStartPlacing={claims.startPlacing}
      onExport={claims.exportTable}
    >
      {selected && (
        <ClaimLinks
          links={claimLinks}
          relations={relations}
          suggestions={suggestions}
          readOnly={readOnly}
          linking={linkingFrom === selected.claim.id}
          onJump={(end) => {
            if (end.documentKey !== null) links.openClaim(end.claimId, end.documentKey, true)
          }}
          onUpdate={links.update}
          onDelete={links.remove}
          onOpenSearch={links.openSearch}
          onOpenOutside={links.openOutside}
          onLinkWithClaim={links.startLinking}
          onAccept={(suggestion) => {
            const source = links.selectedSource()
            if (source) void links.accept(source, suggestion)
          }}
        />
      )}
    </ClaimPanel>
  )
}
