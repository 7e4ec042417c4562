/**
 * readDocument: article bytes of any supported format -> canonical document, loading each
 * format's parser the first time a file of that format comes. A project of text files never
 * loads the HTML parsers (linkedom, Readability), pdf.js or mammoth, which is most of the time a
 * parse worker (and so every CLI command) would otherwise spend starting.
 */
import { decodeHtml, decodeText, looksBinary } from './decode'
import {
  canonicalDocument,
  checkArticleBytes,
  checkNotBlank,
  formatOf,
  unreadableError,
} from './formats'
import type { ParsedContent } from './parsed'
import type { CanonicalDocument } from './types'

type Parsers = {
  plaintext: typeof import('./plaintext')
  markdown: typeof import('./markdown')
  html: typeof import('./html')
  inert: typeof import('./inert')
  pdf: typeof import('./pdf')
  docx: typeof import('./docx')
}

const loading = new Map<keyof Parsers, Promise<unknown>>()

/** Each parser module is imported once, the first time a file needs it. */
function load<K extends keyof Parsers>(name: K): Promise<Parsers[K]> {
  let module = loading.get(name)
  if (module === undefined) {
    const importers: { [P in keyof Parsers]: () => Promise<Parsers[P]> } = {
      plaintext: () => import('./plaintext'),
      markdown: () => import('./markdown'),
      html: () => import('./html'),
      inert: () => import('./inert'),
      pdf: () => import('./pdf'),
      docx: () => import('./docx'),
    }
    module = importers[name]()
    loading.set(name, module)
  }
  return module as Promise<Parsers[K]>
}

/**
 * Loads the parsers a file of this name and these bytes will need, so that a caller bounding the
 * parse in time (the parse workers) can start its clock once they are in: loading code is not
 * the file's doing. Unsupported names load nothing.
 */
export async function loadParsersFor(bytes: Uint8Array, fileName: string): Promise<void> {
  const format = formatOf(fileName)
  if (format === 'text') await load('plaintext')
  else if (format === 'markdown') {
    await load('markdown')
    if (bytes.includes(0x3c)) await load('inert')
  } else if (format === 'html') await load('html')
  else if (format === 'pdf') await load('pdf')
  else if (format === 'docx') await load('docx')
}

/** The parsers of the text formats, which nearly every project holds. */
export async function loadTextParsers(): Promise<void> {
  await Promise.all([load('plaintext'), load('markdown')])
}

/** Raw HTML in Markdown starts with "<" and a letter, "/", "!" or "?"; without one, no DOM. */
const MAY_HOLD_HTML = /<[A-Za-z/!?]/

/**
 * Reads the bytes of an article file; `fileName` chooses the format by its extension and names
 * the file in messages. Rejects with DocumentError as parseDocument throws, plus, for PDF,
 * 'no-content' when the file has no text layer (it needs OCR first).
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<CanonicalDocument> {
  const format = checkArticleBytes(bytes, fileName, looksBinary)
  if (format === 'pdf' || format === 'docx') {
    let parsed: ParsedContent
    try {
      parsed =
        format === 'pdf'
          ? await (await load('pdf')).parsePdf(bytes, fileName)
          : await (await load('docx')).parseDocx(bytes)
    } catch (error) {
      throw unreadableError(fileName, error)
    }
    return canonicalDocument(parsed, format, fileName, { warnings: [] })
  }

  const decoded = format === 'html' ? decodeHtml(bytes) : decodeText(bytes)
  checkNotBlank(decoded.text, fileName)
  let parsed: ParsedContent
  try {
    if (format === 'html') parsed = (await load('html')).parseHtml(decoded.text)
    else if (format === 'markdown') {
      const { parseMarkdown } = await load('markdown')
      const fragment = MAY_HOLD_HTML.test(decoded.text)
        ? (await load('inert')).inertFragment
        : undefined
      parsed = parseMarkdown(decoded.text, fragment)
    } else parsed = (await load('plaintext')).parsePlainText(decoded.text)
  } catch (error) {
    throw unreadableError(fileName, error)
  }
  return canonicalDocument(parsed, format, fileName, decoded)
}
