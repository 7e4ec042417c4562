/**
 * Markdown -> blocks and metadata, through markdown-it's token stream (CommonMark
 * plus GFM tables), so that emphasis, links, escapes and entities are read the
 * way every Markdown renderer reads them.
 *
 * - Headings, paragraphs, blockquotes (their paragraphs become quotes), bullet
 *   and ordered lists with nesting depth. All paragraphs of one list item form
 *   one list-item block; a nested list starts new blocks.
 * - Inline markup is dropped to its text: link text stays, the URL goes; images
 *   (and their alt text) go; line breaks are spaces.
 * - Code blocks become paragraphs, split at blank lines. Table rows become
 *   paragraphs with cells separated by a space. Raw HTML blocks go through the
 *   same inert DOM walk as HTML files; raw inline tags are dropped (<br> is a
 *   space, and the content of inline <script>/<style> and the like is dropped).
 * - YAML front matter (between "---" lines at the very top) is metadata, read
 *   with the yaml package: title, outlet/site/publication, author(s), date/
 *   published, url, lang. It is not part of the text. Without a title there,
 *   the first level-1 heading gives the title.
 * - Typographer is off: quotes and dashes stay as written, so the text matches
 *   the same article saved as .txt.
 */
import { markFurniture } from './furniture'
import { readTextMetadata } from './text-metadata'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { parse as parseYaml } from 'yaml'
import { addPreformatted, appendDomBlocks } from './dom-blocks'
import { metadataField, setMetadata } from './metadata'
import { DocumentBuilder, normalizeLineEnds } from './normalize'
import type { ParsedContent } from './parsed'
import type { DocumentMetadata } from './types'

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false })

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/
/** Inline raw HTML whose content is never text. */
const SKIPPED_INLINE = /^<(script|style|noscript|template|textarea|iframe|object|svg|title)\b/i

type Container =
  | { kind: 'list'; ordered: boolean }
  | { kind: 'item'; ordered: boolean; depth: number; parts: string[] }
  | { kind: 'quote' }

/**
 * `htmlFragment` parses raw HTML blocks inertly (inert.ts's inertFragment); a caller may leave it
 * out when the source holds no "<" tag, so that a Markdown file without HTML loads no DOM.
 */
export function parseMarkdown(
  source: string,
  htmlFragment?: (html: string) => DocumentFragment,
): ParsedContent {
  const warnings: string[] = []
  const metadata: DocumentMetadata = {}
  const body = readFrontMatter(normalizeLineEnds(source), metadata, warnings)
  const builder = new DocumentBuilder()
  const containers: Container[] = []
  let listDepth = 0
  let quoteDepth = 0
  let headingLevel: number | null = null
  let tableRow: string[] | null = null
  let firstH1: string | undefined

  const top = () => containers[containers.length - 1]
  /** The open list item's text so far becomes its block. */
  const flushItem = () => {
    const item = top()
    if (item?.kind === 'item' && item.parts.length > 0) {
      builder.add('list-item', item.parts.join(' '), { ordered: item.ordered, depth: item.depth })
      item.parts = []
    }
  }
  const textType = () => (quoteDepth > 0 ? 'quote' : 'paragraph')

  for (const token of markdown.parse(body, {})) {
    switch (token.type) {
      case 'heading_open':
        flushItem()
        headingLevel = Number(token.tag.slice(1))
        break
      case 'heading_close':
        headingLevel = null
        break
      case 'bullet_list_open':
      case 'ordered_list_open':
        flushItem()
        containers.push({ kind: 'list', ordered: token.type === 'ordered_list_open' })
        listDepth++
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        containers.pop()
        listDepth--
        break
      case 'list_item_open': {
        let ordered = false
        for (let i = containers.length - 1; i >= 0; i--) {
          const c = containers[i]!
          if (c.kind === 'list') {
            ordered = c.ordered
            break
          }
        }
        containers.push({ kind: 'item', ordered, depth: Math.max(0, listDepth - 1), parts: [] })
        break
      }
      case 'list_item_close':
        flushItem()
        containers.pop()
        break
      case 'blockquote_open':
        flushItem()
        containers.push({ kind: 'quote' })
        quoteDepth++
        break
      case 'blockquote_close':
        containers.pop()
        quoteDepth--
        break
      case 'tr_open':
        tableRow = []
        break
      case 'tr_close':
        if (tableRow !== null) builder.add(textType(), tableRow.join(' '))
        tableRow = null
        break
      case 'inline': {
        const text = inlineText(token.children ?? [])
        const container = top()
        if (headingLevel !== null) {
          const block = builder.add('heading', text, { level: headingLevel })
          if (block !== null && headingLevel === 1 && firstH1 === undefined) firstH1 = text
        } else if (tableRow !== null) tableRow.push(text)
        else if (container?.kind === 'item') container.parts.push(text)
        else builder.add(textType(), text)
        break
      }
      case 'fence':
      case 'code_block':
        flushItem()
        addPreformatted(builder, token.content, textType())
        break
      case 'html_block':
        flushItem()
        if (htmlFragment === undefined) throw new Error('raw HTML met without an HTML parser')
        appendDomBlocks(htmlFragment(token.content), builder)
        break
      default:
        // paragraph_open/close, hr, table structure: nothing to add.
        break
    }
  }
  setMetadata(metadata, 'title', firstH1)
  const { text, blocks } = builder.build()
  markFurniture(text, blocks)
  readTextMetadata(text, blocks, metadata)
  return { text, blocks, metadata, warnings }
}

function inlineText(children: Token[]): string {
  const parts: string[] = []
  let skipping: string | null = null
  for (const child of children) {
    if (skipping !== null) {
      if (
        child.type === 'html_inline' &&
        new RegExp(`^</${skipping}\\b`, 'i').test(child.content)
      ) {
        skipping = null
      }
      continue
    }
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        parts.push(child.content)
        break
      case 'softbreak':
      case 'hardbreak':
        parts.push(' ')
        break
      case 'html_inline': {
        if (/^<br\b/i.test(child.content)) parts.push(' ')
        const skipped = SKIPPED_INLINE.exec(child.content)
        if (skipped !== null && !/\/>\s*$/.test(child.content)) skipping = skipped[1]!
        break
      }
      default:
        // Emphasis, link and image tokens: markup only (an image's alt text lives
        // in its own children, which are not walked).
        break
    }
  }
  return parts.join('')
}

/**
 * Reads a YAML front matter into `metadata` and returns the Markdown after it.
 * A block that is not a YAML mapping is not front matter ("---\nIntro\n---" is a
 * heading in Markdown) and is left to the Markdown parser.
 */
function readFrontMatter(text: string, metadata: DocumentMetadata, warnings: string[]): string {
  const match = FRONT_MATTER.exec(text)
  if (match === null) return text
  const rest = text.slice(match[0].length)
  let data: unknown
  try {
    data = parseYaml(match[1]!, { uniqueKeys: false, maxAliasCount: 100 })
  } catch (error) {
    if (!/^\s*[\w-]+\s*:/m.test(match[1]!)) return text
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    warnings.push(`The front matter could not be read as YAML and was ignored: ${reason}`)
    return rest
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return data === null && match[1]!.trim() === '' ? rest : text
  }
  for (const [key, value] of Object.entries(data)) {
    const field = metadataField(key)
    if (field !== undefined) setMetadata(metadata, field, value)
  }
  return rest
}
