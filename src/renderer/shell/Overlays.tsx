/**
 * What floats over the documents: the link bar, a badge's link card, the label bar over a text
 * selection, and the chooser of overlapping claims.
 */
import { useMemo } from 'react'
import { ClaimChooser } from '../components/ClaimChooser'
import { LabelPopover } from '../components/LabelPopover'
import { LinkBar } from '../components/LinkBar'
import { LinkHoverCard } from '../components/LinkHoverCard'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import {
  focusedDocumentOf,
  focusedListingOf,
  focusedTextOf,
  isDialogOpen,
  labelsOf,
  linksOfClaim,
  projectOf,
  readOnlyOf,
  relationsOf,
  selectedPlacedOf,
} from '../store/selectors'
import type { AppState } from '../store/state'

const inDocuments = (state: AppState) =>
  state.workspace.view === 'documents' && projectOf(state) !== null

export function Overlays() {
  const shown = useAppState(inDocuments)
  if (!shown) return null
  return (
    <>
      <PendingLink />
      <BadgeCard />
      <SelectionLabels />
      <Chooser />
    </>
  )
}

function PendingLink() {
  const { links } = useWorkbench()
  const start = useAppState((state) => state.selection.linkStart)
  const offer = useAppState((state) => state.selection.linkOffer)
  const relations = useAppState(relationsOf)
  const dialogOpen = useAppState(isDialogOpen)
  if (!start || dialogOpen) return null
  return (
    <LinkBar
      from={offer?.from ?? start}
      to={offer?.to ?? null}
      relations={relations}
      onLink={links.linkOffered}
      onCancel={links.endLinking}
    />
  )
}

function BadgeCard() {
  const { badgeCard, links } = useWorkbench()
  const card = useAppState((state) => state.dialogs.card)
  const claimLinks = useAppState((state) => linksOfClaim(state, card?.claimId ?? null))
  const relations = useAppState(relationsOf)
  const relationsById = useMemo(() => new Map(relations.map((r) => [r.id, r])), [relations])
  if (!card || claimLinks.length === 0) return null
  return (
    <LinkHoverCard
      links={claimLinks}
      relations={relationsById}
      at={card.rect}
      pinned={card.pinned}
      onJump={(end) => {
        if (end.documentKey !== null) links.openClaim(end.claimId, end.documentKey, true)
      }}
      onClose={badgeCard.close}
      onPointerInside={badgeCard.onPointerInside}
    />
  )
}

function SelectionLabels() {
  const { claims } = useWorkbench()
  const selection = useAppState(focusedTextOf)
  const document = useAppState(focusedDocumentOf)
  const editable = useAppState(readOnlyOf) === null
  const dialogOpen = useAppState(isDialogOpen)
  const labels = useAppState(labelsOf)
  const canSetRange = useAppState(selectedPlacedOf) !== null
  const placing = useAppState((state) => state.claims.placingId)
  if (!selection || !document || !editable || dialogOpen) return null
  return (
    <LabelPopover
      labels={labels}
      selection={selection}
      canSetRange={canSetRange}
      placing={placing}
      onLabel={claims.createFromSelection}
      onSetRange={claims.setRangeFromSelection}
      onPlace={claims.placeAtSelection}
    />
  )
}

function Chooser() {
  const workbench = useWorkbench()
  const open = useAppState((state) => state.dialogs.open)
  const listing = useAppState(focusedListingOf)
  const labels = useAppState(labelsOf)
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels])
  if (open?.kind !== 'chooser' || !listing) return null
  const { click } = open
  return (
    <ClaimChooser
      claims={click.ids
        .map((id) => listing.claims.find(({ claim }) => claim.id === id))
        .filter((placed) => placed !== undefined)}
      labels={labelsById}
      x={click.x}
      y={click.y}
      onChoose={(id) => workbench.claims.select(id)}
      onClose={workbench.closeDialog}
    />
  )
}
