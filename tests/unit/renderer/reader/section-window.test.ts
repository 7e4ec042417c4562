/**
 * The reader's window over a long document (section-window.ts), as editor state: which sections
 * a document opens with, that showing sections takes their marks away and keeps the others, and
 * that the claims of a section are drawn in the very transaction that shows it. The DOM side
 * (hidden boxes, the observer, copying) is checked in Chromium by tests/e2e/long-document.test.ts.
 */
import { EditorState } from 'prosemirror-state'
import type { Decoration } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { buildDoc } from '../../../../src/renderer/reader/build-doc'
import {
  claimDecorationsKey,
  claimDecorationsPlugin,
} from '../../../../src/renderer/reader/claim-decorations'
import { buildPositionMap, sectionCount } from '../../../../src/renderer/reader/positions'
import { SECTION_SIZE } from '../../../../src/renderer/reader/schema'
import {
  initialSections,
  sectionWindowKey,
  sectionWindowPlugin,
} from '../../../../src/renderer/reader/section-window'
import { makeDocument } from '../documents'

function documentOf(blocks: number) {
  return makeDocument(
    Array.from({ length: blocks }, (_, n) => ({
      type: 'paragraph' as const,
      text: `Paragraph ${n}: the depot held ${1000 + n} crates.`,
    })),
  )
}

/** An editor state with the window and the claims plugins, one claim in every block. */
function stateOf(blocks: number) {
  const document = documentOf(blocks)
  const map = buildPositionMap(document.blocks)
  const claims = document.blocks.map((block, n) => ({
    id: `c${n}`,
    label: 'claim',
    start: block.start,
    end: block.start + 9,
  }))
  const shown = initialSections(map)
  const state = EditorState.create({
    doc: buildDoc(document),
    plugins: [sectionWindowPlugin(map, shown), claimDecorationsPlugin(map, claims, shown)],
  })
  return { state, map }
}

const hiddenSections = (state: EditorState) =>
  sectionWindowKey
    .getState(state)!
    .hidden.find()
    .map((mark: Decoration) => (mark.spec as { hiddenSection: number }).hiddenSection)

const drawnClaims = (state: EditorState) =>
  new Set(
    claimDecorationsKey
      .getState(state)!
      .claims.set.find()
      .map((decoration) => (decoration.spec as { claimId: string }).claimId),
  )

describe('the section window', () => {
  it('shows a short document whole, with every claim drawn', () => {
    const { state, map } = stateOf(SECTION_SIZE * 4)
    expect(sectionCount(map)).toBe(4)
    expect(initialSections(map)).toBeNull()
    expect(hiddenSections(state)).toEqual([])
    expect(drawnClaims(state).size).toBe(SECTION_SIZE * 4)
  })

  it('opens a long document on its first sections, with only their claims drawn', () => {
    const { state, map } = stateOf(SECTION_SIZE * 10 + 5)
    expect(sectionCount(map)).toBe(11)
    expect(hiddenSections(state)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10])
    const drawn = drawnClaims(state)
    expect(drawn.size).toBe(SECTION_SIZE * 2)
    expect(drawn.has('c0')).toBe(true)
    expect(drawn.has(`c${SECTION_SIZE * 2}`)).toBe(false)
  })

  it('shows sections, and draws their claims, in one transaction; shown ones stay shown', () => {
    let { state } = stateOf(SECTION_SIZE * 10 + 5)
    state = state.apply(state.tr.setMeta(sectionWindowKey, { show: [10, 5] }))
    expect(hiddenSections(state)).toEqual([2, 3, 4, 6, 7, 8, 9])
    const drawn = drawnClaims(state)
    expect(drawn.has(`c${SECTION_SIZE * 10 + 4}`)).toBe(true)
    expect(drawn.has(`c${SECTION_SIZE * 5}`)).toBe(true)
    expect(drawn.has(`c${SECTION_SIZE * 4}`)).toBe(false)
    const before = sectionWindowKey.getState(state)
    state = state.apply(state.tr.setMeta(sectionWindowKey, { show: [5] }))
    expect(sectionWindowKey.getState(state)).toBe(before)
  })

  it('marks each hidden section over exactly its own blocks', () => {
    const { state } = stateOf(SECTION_SIZE * 6)
    const marks = sectionWindowKey.getState(state)!.hidden.find()
    for (const mark of marks) {
      const section = (mark.spec as { hiddenSection: number }).hiddenSection
      const node = state.doc.nodeAt(mark.from)!
      expect(node.type.name).toBe('section')
      expect(mark.to - mark.from).toBe(node.nodeSize)
      expect(node.firstChild!.textContent).toContain(`Paragraph ${section * SECTION_SIZE}:`)
    }
  })
})
