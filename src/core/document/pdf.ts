/**
 * PDF files -> canonical document, through pdf.js (Mozilla's PDF reader, the legacy build, which
 * runs in Node and in a worker thread): the text of each page with its geometry, rebuilt into
 * blocks by pdf-layout.ts, and metadata from the document information dictionary and the first
 * page.
 *
 * HOSTILE INPUT: pdf.js runs here on its "fake worker" (in this thread: the parse worker is
 * already the bound; no worker is started from a worker), never evaluates code from the file
 * (isEvalSupported false: fonts' glyph programs are interpreted, not compiled), loads no font
 * and no file from anywhere (disableFontFace, no standard font data, no system fonts, the data
 * given as bytes), and draws nothing: only the text layer is read, so no canvas is needed.
 * JavaScript in a PDF (forms, actions) is never run: that needs a scripting sandbox we do not
 * load.
 *
 * A PDF without any text (a scan) cannot be read without OCR; it is refused with a message that
 * says so and names the file.
 */
import { layOutPdfText, type PdfPageText } from './pdf-layout'
import { setMetadata } from './metadata'
import type { ParsedContent } from './parsed'
import { readTextMetadata } from './text-metadata'
import { DocumentError, type DocumentMetadata } from './types'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfjs: Promise<PdfJs> | null = null

/**
 * pdf.js and its worker code, loaded once. The worker module is handed over on globalThis, where
 * pdf.js looks for it before it would start a worker of its own (its "fake worker").
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfjs
}

/** Titles that name the file or the program rather than the article. */
const JUNK_TITLE = /^(?:untitled|microsoft word\s*-|document\d*$|.*\.(?:docx?|pdf|indd|tex|odt)$)/i

export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedContent> {
  const { getDocument, VerbosityLevel } = await loadPdfJs()
  const task = getDocument({
    // pdf.js may detach the buffer it is given: a copy keeps the caller's bytes.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  })
  try {
    const pdf = await task.promise
    const pages: PdfPageText[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      const runs: PdfPageText['runs'] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [a, b, , , x, y] = item.transform as number[]
        runs.push({ str: item.str, x: x!, y: y!, size: Math.hypot(a!, b!), width: item.width })
      }
      pages.push({ runs })
      page.cleanup()
    }
    const { text, blocks } = layOutPdfText(pages)
    if (blocks.length === 0) {
      throw new DocumentError(
        'no-content',
        fileName,
        `${JSON.stringify(fileName)} has no text layer (it is probably a scan): it needs OCR first, then open the PDF the OCR program writes.`,
      )
    }

    const metadata: DocumentMetadata = {}
    const info = (await pdf.getMetadata()).info as Record<string, unknown>
    const title = typeof info['Title'] === 'string' ? info['Title'].trim() : ''
    if (title !== '' && !JUNK_TITLE.test(title)) setMetadata(metadata, 'title', title)
    const firstHeading = blocks.find(
      (block) => block.type === 'heading' && block.page === 1 && !block.boilerplate,
    )
    if (firstHeading !== undefined) {
      setMetadata(metadata, 'title', text.slice(firstHeading.start, firstHeading.end))
    }
    setMetadata(metadata, 'author', info['Author'])
    setMetadata(metadata, 'published', pdfDate(info['CreationDate']))
    readTextMetadata(text, blocks, metadata)
    return { text, blocks, metadata, warnings: [] }
  } finally {
    await task.destroy()
  }
}

/** A PDF date, "D:20260305093000+01'00'", as ISO 8601 ("2026-03-05T09:30:00+01:00"). */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const match =
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      value.trim(),
    )
  if (match === null) return undefined
  const [, year, month, day, hour, minute, second, zulu, sign, zoneHour, zoneMinute] = match
  if (month === undefined || day === undefined) return undefined
  const date = `${year}-${month}-${day}`
  if (hour === undefined || minute === undefined) return date
  const zone =
    zulu !== undefined ? 'Z' : sign !== undefined ? `${sign}${zoneHour}:${zoneMinute ?? '00'}` : ''
  return `${date}T${hour}:${minute}:${second ?? '00'}${zone}`
}
