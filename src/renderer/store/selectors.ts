/**
 * What components and commands read from the state. Derived values are memoized by the identity
 * of what they are derived from, so a selector returns the same object until its inputs change
 * (React compares selector results by identity).
 */
import type {
  ClaimListing,
  DocumentSummary,
  Label,
  LinkSuggestion,
  OpenedDocument,
  PlacedClaim,
  RelationType,
} from '../../shared/api'
import type { BadgesByClaim } from '../claims/drawn-claims'
import type { PaneState } from '../layout'
import { createBadgeMemory } from '../links/badges'
import { linksByClaim, type ClaimLink } from '../links/claim-links'
import { linkTargets, type LinkTarget } from '../links/link-targets'
import type { ClaimEnd } from './actions'
import type { LinkSearchDialog } from './dialogs'
import type { Resource } from './resource'
import type { AppState } from './state'
import { memoize } from './store'

const NO_LABELS: readonly Label[] = Object.freeze([])
const NO_RELATIONS: readonly RelationType[] = Object.freeze([])
const NO_LINKS: readonly ClaimLink[] = Object.freeze([])
const NO_SUGGESTIONS: readonly LinkSuggestion[] = Object.freeze([])
const NO_BADGES: BadgesByClaim = new Map()

/** How many suggestions the claim panel lists (the L dialog lists all that were asked). */
const PANEL_SUGGESTIONS = 5
/** How many suggestions are asked for the selected claim. */
export const SUGGESTIONS_ASKED = 8

export const labelsOf = (state: AppState) => state.workspace.settings?.labels ?? NO_LABELS
export const relationsOf = (state: AppState) => state.workspace.settings?.relations ?? NO_RELATIONS

export const projectOf = (state: AppState) => state.workspace.backend?.project ?? null

const summariesBy = memoize(
  (documents: readonly DocumentSummary[] | undefined) =>
    new Map((documents ?? []).map((document) => [document.key, document])),
)
export const summariesOf = (state: AppState): ReadonlyMap<string, DocumentSummary> =>
  summariesBy(state.workspace.backend?.documents)

export const focusedPaneOf = (state: AppState): PaneState =>
  state.layout.panes[state.layout.focused] ?? state.layout.panes[0]!

export const focusedKeyOf = (state: AppState) => focusedPaneOf(state).active

const openedDocument = (state: AppState, key: string | null) =>
  key === null ? undefined : (state.workspace.documents[key]?.value ?? undefined)

export const focusedDocumentOf = (state: AppState) => openedDocument(state, focusedKeyOf(state))

const loadedBy = memoize((documents: AppState['workspace']['documents']) =>
  Object.fromEntries(
    Object.entries(documents).flatMap(([key, entry]) => (entry.value ? [[key, entry.value]] : [])),
  ),
)
/** The documents loaded for reading, by key. */
export const loadedDocumentsOf = (state: AppState): Readonly<Record<string, OpenedDocument>> =>
  loadedBy(state.workspace.documents)

export const claimListingOf = (state: AppState, key: string | null): ClaimListing | null =>
  key === null ? null : (state.claims.listings[key]?.value ?? null)

export const focusedListingOf = (state: AppState) => claimListingOf(state, focusedKeyOf(state))

/** True when a document's claim listing is in and up to date (nothing changed since, nothing on its way). */
export const claimListingCurrent = (state: AppState, key: string | null): boolean => {
  const entry = key === null ? undefined : state.claims.listings[key]
  return entry !== undefined && entry.value !== null && !entry.stale && entry.pending === null
}

/** The text selected in the focused pane's reader. */
export const focusedTextOf = (state: AppState) =>
  state.selection.text[focusedPaneOf(state).id] ?? null

/** The selected claim as placed in the focused document, or null. */
export const selectedPlacedOf = (state: AppState): PlacedClaim | null => {
  const id = state.selection.claimId
  if (id === null) return null
  return focusedListingOf(state)?.claims.find(({ claim }) => claim.id === id) ?? null
}

const rangeBy = memoize((start: number, end: number) => ({ start, end }))
/** The selected claim's range (the reader outlines it): the same object while it stays put. */
export const selectedRangeOf = (state: AppState) => {
  const placed = selectedPlacedOf(state)
  return placed ? rangeBy(placed.start, placed.end) : null
}

/** A claim of a shown document as an end of a link (for the link bar and the dialogs). */
export function claimEndOf(state: AppState, claimId: string, documentKey: string): ClaimEnd | null {
  const placed = claimListingOf(state, documentKey)?.claims.find(
    ({ claim }) => claim.id === claimId,
  )
  if (!placed) return null
  return {
    claimId,
    documentKey,
    path: summariesOf(state).get(documentKey)?.path ?? documentKey,
    quote: placed.claim.quote,
    label: placed.claim.label,
  }
}

/** The selected claim as a link end, or null. */
export const selectedEndOf = (state: AppState): ClaimEnd | null => {
  const key = focusedKeyOf(state)
  const id = state.selection.claimId
  return key === null || id === null ? null : claimEndOf(state, id, key)
}

/** Why changes are refused now (a read-only annotation or settings file), or null. */
export const readOnlyOf = (state: AppState): string | null => {
  const save = state.status.annotation?.save
  if (save?.status === 'read-only') return save.message ?? 'Read-only'
  return state.workspace.settings?.readOnly ?? null
}

export const isDialogOpen = (state: AppState) => state.dialogs.open !== null

function values<T>(record: Readonly<Record<string, Resource<T>>>): T[] {
  return Object.values(record).flatMap((entry) => (entry.value === null ? [] : [entry.value]))
}

/** The claim listings loaded, by document key (the badges are derived per document). */
function loadedListings(
  record: AppState['claims']['listings'],
): Readonly<Record<string, ClaimListing>> {
  return Object.fromEntries(
    Object.entries(record).flatMap(([key, entry]) => (entry.value ? [[key, entry.value]] : [])),
  )
}

const claimLinksBy = memoize((listings: AppState['links']['listings']) =>
  linksByClaim(values(listings)),
)
/** The links of every claim on screen, by claim id. */
const claimLinksOf = (state: AppState): ReadonlyMap<string, readonly ClaimLink[]> =>
  claimLinksBy(state.links.listings)

export const linksOfClaim = (state: AppState, claimId: string | null): readonly ClaimLink[] =>
  (claimId === null ? undefined : claimLinksOf(state).get(claimId)) ?? NO_LINKS

const badgeMemory = createBadgeMemory()
const badgesBy = memoize(
  (
    claimListings: AppState['claims']['listings'],
    claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
    relations: readonly RelationType[],
  ) => badgeMemory(loadedListings(claimListings), claimLinks, relations),
)
/** Link badges of the claims of each document on screen. */
export const badgesOf = (state: AppState, key: string | null): BadgesByClaim =>
  (key === null
    ? undefined
    : badgesBy(state.claims.listings, claimLinksOf(state), relationsOf(state))[key]) ?? NO_BADGES

/** The suggestions for the selected claim (empty while another claim's are shown). */
const suggestionsOf = (state: AppState): readonly LinkSuggestion[] => {
  const { claimId, list } = state.links.suggestions
  if (claimId === null || claimId !== state.selection.claimId) return NO_SUGGESTIONS
  return list.value?.suggestions ?? NO_SUGGESTIONS
}

const panelSuggestionsBy = memoize((all: readonly LinkSuggestion[]) =>
  all.slice(0, PANEL_SUGGESTIONS),
)
export const panelSuggestionsOf = (state: AppState) => panelSuggestionsBy(suggestionsOf(state))

/**
 * The suggestion A takes: the first not linked yet, and only from a list that answers the last
 * change and while no other accept is under way (a double press links once).
 */
export const acceptableSuggestionOf = (state: AppState): LinkSuggestion | null => {
  const { list, accepting } = state.links.suggestions
  if (accepting || list.stale || list.pending !== null) return null
  return panelSuggestionsOf(state).find((suggestion) => suggestion.linked === null) ?? null
}

/** Whether the L dialog's rows answer what is typed (suggestions fresh, search answered). */
export function linkSearchSettled(state: AppState, dialog: LinkSearchDialog): boolean {
  const { claimId, list, accepting } = state.links.suggestions
  const suggestionsReady =
    claimId === dialog.source.claimId && !accepting && !list.stale && list.pending === null
  return suggestionsReady && (dialog.query.trim() === '' || dialog.searched.query === dialog.query)
}

const linkedToBy = memoize(
  (links: readonly ClaimLink[]) =>
    new Map(
      links.flatMap((entry) =>
        entry.other.kind === 'claim' ? [[entry.other.claimId, entry.resolved.link.relation]] : [],
      ),
    ),
)
const linkSearchRowsBy = memoize(
  (
    sourceId: string,
    suggestions: readonly LinkSuggestion[],
    searched: LinkSearchDialog['searched'],
    query: string,
    links: readonly ClaimLink[],
  ): LinkTarget[] =>
    linkTargets(
      sourceId,
      suggestions,
      query.trim() !== '' && searched.query === query ? searched.hits : [],
      query,
      linkedToBy(links),
    ),
)
/** The rows of the L dialog. */
export function linkSearchRows(state: AppState, dialog: LinkSearchDialog): LinkTarget[] {
  const { claimId, list } = state.links.suggestions
  const suggestions =
    claimId === dialog.source.claimId ? (list.value?.suggestions ?? NO_SUGGESTIONS) : NO_SUGGESTIONS
  return linkSearchRowsBy(
    dialog.source.claimId,
    suggestions,
    dialog.searched,
    dialog.query,
    linksOfClaim(state, dialog.source.claimId),
  )
}
