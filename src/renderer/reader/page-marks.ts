/**
 * Page marks for documents whose blocks know their page (PDF): a small "Page 2" line before the
 * first block of each page, so a passage can be found in the printed file. Drawn as widgets, so
 * the text and its offsets are untouched.
 */
import { Plugin } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Block } from '../../core/document/types'
import type { PositionMap } from './positions'

/** The index of the first block of each page, with its page number. */
export function pageStarts(blocks: readonly Block[]): { block: number; page: number }[] {
  const starts: { block: number; page: number }[] = []
  let last: number | undefined
  blocks.forEach((block, index) => {
    if (block.page === undefined || block.page === last) return
    starts.push({ block: index, page: block.page })
    last = block.page
  })
  return starts
}

export function pageMarksPlugin(blocks: readonly Block[], map: PositionMap): Plugin {
  const starts = pageStarts(blocks)
  return new Plugin({
    props: {
      decorations: (state) =>
        starts.length === 0
          ? null
          : DecorationSet.create(
              state.doc,
              starts.map(({ block, page }) =>
                Decoration.widget(
                  map.contentStarts[block]! - 1,
                  (view) => {
                    const mark = view.dom.ownerDocument.createElement('div')
                    mark.className = 'page-mark'
                    mark.contentEditable = 'false'
                    mark.setAttribute('data-testid', 'page-mark')
                    mark.textContent = `Page ${page}`
                    return mark
                  },
                  { side: -2, key: `page-${page}`, ignoreSelection: true },
                ),
              ),
            ),
    },
  })
}
