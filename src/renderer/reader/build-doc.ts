/**
 * CanonicalDocument -> ProseMirror document of the reading view, one flat
 * textblock per canonical block, grouped into sections of SECTION_SIZE blocks
 * (see schema.ts and positions.ts).
 */
import type { Node as ProseMirrorNode, NodeType } from 'prosemirror-model'
import type { Block, CanonicalDocument } from '../../core/document/types'
import { renderedBlocks } from './positions'
import { clampHeadingLevel, readerSchema, SECTION_SIZE } from './schema'

export function buildDoc(document: Pick<CanonicalDocument, 'text' | 'blocks'>): ProseMirrorNode {
  const markers = listMarkers(document.blocks)
  const nodes = renderedBlocks(document.blocks).map((block, index) => {
    const text = document.text.slice(block.start, block.end)
    const content = text.length > 0 ? [readerSchema.text(text)] : []
    const { type, attrs } = nodeTypeOf(block, markers[index])
    return type.create(attrs, content)
  })
  const sections: ProseMirrorNode[] = []
  for (let first = 0; first < nodes.length; first += SECTION_SIZE) {
    sections.push(readerSchema.node('section', null, nodes.slice(first, first + SECTION_SIZE)))
  }
  return readerSchema.node('doc', null, sections)
}

function nodeTypeOf(
  block: Block,
  marker: string | undefined,
): { type: NodeType; attrs: Record<string, unknown> | null } {
  const nodes = readerSchema.nodes
  switch (block.type) {
    case 'heading':
      return { type: nodes.heading!, attrs: { level: clampHeadingLevel(block.level) } }
    case 'quote':
      return { type: nodes.quote!, attrs: null }
    case 'list-item':
      return {
        type: nodes.list_item!,
        attrs: {
          ordered: block.ordered === true,
          depth: Math.max(0, block.depth ?? 0),
          marker: marker ?? '•',
        },
      }
    default:
      return { type: nodes.paragraph!, attrs: null }
  }
}

const BULLETS = ['•', '◦', '▪']

/**
 * The marker drawn before each list item ("1.", "2.", "•"), by block index.
 * Numbering restarts after any non-list block and whenever a list at a given
 * depth is re-entered from a shallower item, as a nested HTML list would.
 */
export function listMarkers(blocks: readonly Block[]): (string | undefined)[] {
  const counters: number[] = []
  return blocks.map((block) => {
    if (block.type !== 'list-item') {
      counters.length = 0
      return undefined
    }
    const depth = Math.max(0, block.depth ?? 0)
    counters.length = Math.min(counters.length, depth + 1)
    while (counters.length < depth + 1) counters.push(0)
    counters[depth] = counters[depth]! + 1
    return block.ordered === true ? `${counters[depth]}.` : BULLETS[depth % BULLETS.length]!
  })
}
