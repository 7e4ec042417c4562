/**
 * DOM -> blocks: turns an HTML tree (Readability's article content, a page body,
 * or raw HTML inside Markdown) into canonical blocks.
 *
 * - h1-h6 -> heading (level); p, div and other block boxes -> paragraph;
 *   blockquote -> its paragraphs become quotes; li -> list item, with the
 *   nesting depth of its ul/ol and whether the nearest list is an ol.
 * - Text outside those (in divs, spans, tables, figcaptions) still becomes
 *   paragraphs, so no article text is lost. A table row is one paragraph, its
 *   cells separated by a space.
 * - Inside a heading or list item, nested block boxes (a <p> in an <li>) do not
 *   start new blocks; they join the same block with a space. A nested list does.
 * - <br> is a space; the whitespace rules of normalize.ts apply to each block.
 *   <pre> text is split into paragraphs at blank lines (a block has no "\n").
 * - Scripts, styles, embedded content, form controls, images and hidden
 *   elements contribute nothing.
 *
 * The walk is iterative: a hostile page nested 100,000 elements deep must not
 * overflow the call stack.
 */
import { DocumentBuilder, type BlockAttributes } from './normalize'
import type { BlockType } from './types'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** Elements whose content is never text of the article. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'canvas', 'audio', 'video', 'picture', 'source', 'track', 'img', 'map', 'area',
  'input', 'select', 'option', 'optgroup', 'textarea', 'button', 'datalist', 'head', 'title',
  'meta', 'link', 'base', 'param', 'dialog',
]) // prettier-ignore

/** Elements that break the flow into separate blocks, as CSS display:block does. */
const BLOCK_BOXES = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html',
  'legend', 'main', 'nav', 'p', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr',
]) // prettier-ignore

const LISTS = new Set(['ul', 'ol', 'menu'])
const HEADING = /^h([1-6])$/

type Frame =
  | { kind: 'list'; ordered: boolean }
  | { kind: 'item'; ordered: boolean; depth: number }
  | { kind: 'heading'; level: number }
  | { kind: 'quote' }
  | { kind: 'pre' }
  | { kind: 'box' }

export interface DomBlockOptions {
  /** Also drop <nav> and role="navigation" (used when walking a whole page body). */
  dropNavigation?: boolean
}

/** Appends the blocks of `root`'s children to `builder`, in document order. */
export function appendDomBlocks(
  root: Node,
  builder: DocumentBuilder,
  options: DomBlockOptions = {},
): void {
  new DomWalker(builder, options).walk(root)
}

/**
 * Adds preformatted text (a <pre>, a Markdown code block) as paragraphs split at
 * blank lines; whitespace inside each paragraph collapses as usual.
 */
export function addPreformatted(
  builder: DocumentBuilder,
  text: string,
  type: BlockType,
  attributes: BlockAttributes = {},
): void {
  for (const chunk of text.split(/\n[ \t\u00A0]*\n/)) builder.add(type, chunk, attributes)
}

class DomWalker {
  private parts: string[] = []
  private readonly frames: Frame[] = []
  /** Which entered elements pushed a frame, so leaving pops exactly those. */
  private readonly pushed = new WeakSet<Element>()
  private listDepth = 0
  private quoteDepth = 0
  private preDepth = 0

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly options: DomBlockOptions,
  ) {}

  walk(root: Node): void {
    let node: Node | null = root.firstChild
    while (node !== null) {
      const entered = this.visit(node)
      if (entered && node.firstChild !== null) {
        node = node.firstChild
        continue
      }
      if (entered) this.leave(node as Element)
      // Climb until a next sibling exists, leaving each finished ancestor.
      while (node !== null) {
        const next: Node | null = node.nextSibling
        if (next !== null) {
          node = next
          break
        }
        const parent: Node | null = node.parentNode
        node = parent === null || parent === root ? null : parent
        if (node !== null) this.leave(node as Element)
      }
    }
    this.flush()
  }

  /** Handles a node on the way down; true when its children should be walked. */
  private visit(node: Node): boolean {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      this.parts.push((node as CharacterData).data)
      return false
    }
    if (node.nodeType !== ELEMENT_NODE) return false
    const element = node as Element
    const tag = element.localName
    if (SKIPPED.has(tag) || isHidden(element)) return false
    if (
      this.options.dropNavigation &&
      (tag === 'nav' || element.getAttribute('role') === 'navigation')
    ) {
      return false
    }
    if (tag === 'br') {
      this.parts.push(' ')
      return false
    }
    if (tag === 'td' || tag === 'th') {
      this.parts.push(' ')
      return true
    }
    if (LISTS.has(tag)) {
      this.open(element, { kind: 'list', ordered: tag === 'ol' })
      this.listDepth++
      return true
    }
    if (tag === 'li') {
      const list = this.innermostList()
      this.open(element, {
        kind: 'item',
        ordered: list?.ordered ?? false,
        depth: Math.max(0, this.listDepth - 1),
      })
      return true
    }
    const heading = HEADING.exec(tag)
    const isQuote = tag === 'blockquote'
    const isPre = tag === 'pre' || tag === 'listing' || tag === 'xmp'
    if (heading === null && !isQuote && !isPre && !BLOCK_BOXES.has(tag)) return true // inline
    if (this.absorbing()) {
      // A block inside a heading or list item continues that block.
      this.parts.push(' ')
      return true
    }
    if (heading !== null) this.open(element, { kind: 'heading', level: Number(heading[1]) })
    else if (isQuote) {
      this.open(element, { kind: 'quote' })
      this.quoteDepth++
    } else if (isPre) {
      this.open(element, { kind: 'pre' })
      this.preDepth++
    } else this.open(element, { kind: 'box' })
    return true
  }

  private leave(element: Element): void {
    if (!this.pushed.has(element)) {
      if (this.absorbing() && (BLOCK_BOXES.has(element.localName) || element.localName === 'td')) {
        this.parts.push(' ')
      }
      return
    }
    this.flush()
    const frame = this.frames.pop()
    if (frame?.kind === 'list') this.listDepth--
    else if (frame?.kind === 'quote') this.quoteDepth--
    else if (frame?.kind === 'pre') this.preDepth--
  }

  private open(element: Element, frame: Frame): void {
    this.flush()
    this.frames.push(frame)
    this.pushed.add(element)
  }

  private absorbing(): boolean {
    const top = this.frames[this.frames.length - 1]
    return top?.kind === 'item' || top?.kind === 'heading'
  }

  private innermostList(): { ordered: boolean } | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!
      if (frame.kind === 'list') return frame
    }
    return undefined
  }

  /** Ends the current block: its type comes from the innermost frame. */
  private flush(): void {
    if (this.parts.length === 0) return
    const raw = this.parts.join('')
    this.parts = []
    const top = this.frames[this.frames.length - 1]
    let type: BlockType = this.quoteDepth > 0 ? 'quote' : 'paragraph'
    let attributes: BlockAttributes = {}
    if (top?.kind === 'item') {
      type = 'list-item'
      attributes = { ordered: top.ordered, depth: top.depth }
    } else if (top?.kind === 'heading') {
      type = 'heading'
      attributes = { level: top.level }
    }
    if (this.preDepth > 0) addPreformatted(this.builder, raw, type, attributes)
    else this.builder.add(type, raw, attributes)
  }
}

/** Hidden by the page itself; browsers would not show it. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true
  const style = element.getAttribute('style')
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
}
