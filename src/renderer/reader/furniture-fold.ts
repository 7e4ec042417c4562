/**
 * Page furniture in the reading view: blocks marked as furniture (menus, appeals, "Related"
 * lists, footers; detected, or flipped by the analyst) are folded, each run of them behind one
 * line, "6 lines of page furniture hidden, show", a toggle per run. The text stays in the
 * document (offsets never change); only its drawing is hidden, by node decorations, so claims,
 * find and positions work as before. Shown furniture is drawn muted.
 *
 * Its own plugin, apart from the claim decorations, so other decoration layers of the reader
 * (annotators' lanes) are untouched by it.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Block } from '../../core/document/types'
import type { PositionMap } from './positions'

/** A run of consecutive furniture blocks, by block index; `start` is its first block's offset. */
export interface FurnitureRun {
  first: number
  last: number
  start: number
}

/** The runs of consecutive furniture blocks, in order. */
export function furnitureRuns(blocks: readonly Block[]): FurnitureRun[] {
  const runs: FurnitureRun[] = []
  let open: FurnitureRun | null = null
  blocks.forEach((block, index) => {
    if (block.boilerplate !== true) {
      open = null
      return
    }
    if (open === null) {
      open = { first: index, last: index, start: block.start }
      runs.push(open)
    } else open.last = index
  })
  return runs
}

/** The toggle's words: "6 lines of page furniture hidden, show" or "…, hide". */
export function foldLabel(lines: number, expanded: boolean): string {
  const count = `${lines} ${lines === 1 ? 'line' : 'lines'} of page furniture`
  return expanded ? `${count} shown, hide` : `${count} hidden, show`
}

interface FoldState {
  /** Runs shown, by their first block's start offset. */
  expanded: ReadonlySet<number>
  decorations: DecorationSet
}

export const furnitureFoldKey = new PluginKey<FoldState>('furniture-fold')

/** Meta of a transaction that shows or hides the run starting at this offset. */
interface ToggleMeta {
  toggle: number
}

export const FURNITURE_CLASS = 'furniture'
export const FOLDED_CLASS = 'furniture-folded'

export function furnitureFoldPlugin(blocks: readonly Block[], map: PositionMap): Plugin<FoldState> {
  const runs = furnitureRuns(blocks)
  const build = (state: EditorState, expanded: ReadonlySet<number>): DecorationSet => {
    const decorations: Decoration[] = []
    for (const run of runs) {
      const shown = expanded.has(run.start)
      const nodeFrom = (index: number) => map.contentStarts[index]! - 1
      decorations.push(
        Decoration.widget(nodeFrom(run.first), (view) => toggleButton(view, run, shown), {
          side: -1,
          key: `furniture-${run.start}-${shown ? 'shown' : 'hidden'}`,
          ignoreSelection: true,
          stopEvent: () => true,
        }),
      )
      for (let index = run.first; index <= run.last; index++) {
        const from = nodeFrom(index)
        const to = from + (map.blockEnds[index]! - map.blockStarts[index]!) + 2
        decorations.push(
          Decoration.node(from, to, {
            class: shown ? FURNITURE_CLASS : `${FURNITURE_CLASS} ${FOLDED_CLASS}`,
          }),
        )
      }
    }
    return DecorationSet.create(state.doc, decorations)
  }
  return new Plugin<FoldState>({
    key: furnitureFoldKey,
    state: {
      init: (_, state) => ({ expanded: new Set(), decorations: build(state, new Set()) }),
      apply(tr, value, _, state) {
        const meta = tr.getMeta(furnitureFoldKey) as ToggleMeta | undefined
        if (meta === undefined) return value
        const expanded = new Set(value.expanded)
        if (expanded.has(meta.toggle)) expanded.delete(meta.toggle)
        else expanded.add(meta.toggle)
        return { expanded, decorations: build(state, expanded) }
      },
    },
    props: {
      decorations: (state) => furnitureFoldKey.getState(state)?.decorations,
    },
  })
}

function toggleButton(view: EditorView, run: FurnitureRun, shown: boolean): HTMLElement {
  const button = view.dom.ownerDocument.createElement('button')
  button.type = 'button'
  button.className = 'furniture-toggle'
  button.contentEditable = 'false'
  button.setAttribute('data-testid', 'furniture-toggle')
  button.setAttribute('aria-expanded', String(shown))
  button.textContent = foldLabel(run.last - run.first + 1, shown)
  button.addEventListener('click', (event) => {
    event.preventDefault()
    event.stopPropagation()
    view.dispatch(
      view.state.tr.setMeta(furnitureFoldKey, { toggle: run.start } satisfies ToggleMeta),
    )
  })
  return button
}
