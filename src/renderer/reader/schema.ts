/**
 * The ProseMirror schema of the reading view.
 *
 * Every block is a flat textblock, mirroring the flat `Block` list of the
 * canonical document one to one: a quote is a textblock (not a wrapper around
 * paragraphs) and a list item carries its nesting depth as an attribute instead
 * of being nested in list nodes. That keeps the offset <-> position arithmetic in
 * `positions.ts` trivial: block i occupies exactly `length + 2` positions.
 *
 * Blocks are grouped into sections of SECTION_SIZE blocks (see build-doc.ts): a long document
 * then has a few hundred top-level nodes instead of thousands, which is what ProseMirror walks
 * on every update and what the browser watches for `content-visibility` (styles.css). A section
 * adds one opening and one closing token around its blocks; `positions.ts` counts them.
 *
 * No node renders a style attribute (the CSP forbids inline styles); depth and
 * list markers travel as data attributes that styles.css picks up.
 */
import { Schema } from 'prosemirror-model'

export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'block+',
      toDOM: () => ['div', { class: 'rd-section' }, 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      marks: '',
      defining: true,
      attrs: { level: { default: 1 } },
      toDOM: (node) => [
        `h${clampHeadingLevel(node.attrs.level as number)}`,
        { class: 'rd-heading' },
        0,
      ],
    },
    paragraph: {
      group: 'block',
      content: 'text*',
      marks: '',
      toDOM: () => ['p', { class: 'rd-paragraph' }, 0],
    },
    quote: {
      group: 'block',
      content: 'text*',
      marks: '',
      toDOM: () => ['blockquote', { class: 'rd-quote' }, 0],
    },
    list_item: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: { ordered: { default: false }, depth: { default: 0 }, marker: { default: '•' } },
      toDOM: (node) => [
        'div',
        {
          class: 'rd-list-item',
          role: 'listitem',
          'data-ordered': String(node.attrs.ordered),
          'data-depth': String(Math.min(node.attrs.depth as number, 6)),
          // Drawn by CSS (::before), so the marker is never part of the selectable text.
          'data-marker': node.attrs.marker as string,
        },
        0,
      ],
    },
    text: {},
  },
  marks: {},
})

/** Blocks per section: few enough that one section lays out quickly when it scrolls into view. */
export const SECTION_SIZE = 32

export function clampHeadingLevel(level: number | undefined): number {
  if (level === undefined || !Number.isFinite(level)) return 2
  return Math.min(6, Math.max(1, Math.round(level)))
}
