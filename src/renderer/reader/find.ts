/**
 * Find-in-document: matching (pure) and the ProseMirror plugin that draws the
 * matches as decorations. The document never changes, so decorations are built
 * once per query and never mapped.
 */
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { offsetsToRange, type OffsetRange, type PositionMap } from './positions'

/** At most this many matches are highlighted, so a one-letter query stays responsive. */
export const MAX_MATCHES = 10_000

/** Case-insensitive occurrences of `query` in `text`, as canonical offset ranges. */
export function findMatches(text: string, query: string): OffsetRange[] {
  if (query.length === 0) return []
  // A regular expression with the i flag compares case-insensitively without
  // changing string lengths (unlike toLowerCase, which can turn "İ" into two
  // code units), so match indices stay valid canonical offsets.
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu')
  const matches: OffsetRange[] = []
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue
    matches.push({ start: match.index, end: match.index + match[0].length })
    if (matches.length >= MAX_MATCHES) break
  }
  return matches
}

export interface FindHighlights {
  matches: readonly OffsetRange[]
  /** Index of the current match in `matches`, or -1. */
  current: number
}

export const NO_HIGHLIGHTS: FindHighlights = { matches: [], current: -1 }

export const findHighlightKey = new PluginKey<DecorationSet>('find-highlights')

export const CURRENT_MATCH_CLASS = 'find-match-current'

export function findHighlightPlugin(map: PositionMap): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findHighlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, decorations) {
        const highlights = tr.getMeta(findHighlightKey) as FindHighlights | undefined
        if (highlights === undefined) return decorations
        const ranges = highlights.matches.map((match, index) => {
          const { from, to } = offsetsToRange(map, match.start, match.end)
          const className =
            index === highlights.current ? `find-match ${CURRENT_MATCH_CLASS}` : 'find-match'
          return Decoration.inline(from, to, { class: className })
        })
        return DecorationSet.create(tr.doc, ranges)
      },
    },
    props: {
      decorations: (state) => findHighlightKey.getState(state),
    },
  })
}
