/**
 * Word .docx files -> blocks, through mammoth (a maintained reader of the Office Open XML
 * format): mammoth turns the document's paragraphs into semantic HTML by their styles (Heading
 * 1-6, lists with their levels, our additions for Title and quotes below), and that HTML goes
 * through the same inert DOM walk as a web page (dom-blocks.ts).
 *
 * HOSTILE INPUT: mammoth never follows links to external files (externalFileAccess stays false),
 * images are dropped rather than inlined, and its HTML is only parsed by inert.ts (no script
 * engine, no network). A document's own embedded style map is ignored, so a file cannot change
 * how its paragraphs are read.
 *
 * Title: the paragraph styled Title, else the first level-1 heading. Bylines and dates written in
 * the first lines are read as for plain text (text-metadata.ts). Word files are written, not
 * pasted from a page, so no furniture detection runs on them.
 */
import mammoth from 'mammoth'
import { appendDomBlocks } from './dom-blocks'
import { inertFragment } from './inert'
import { setMetadata } from './metadata'
import { DocumentBuilder } from './normalize'
import type { ParsedContent } from './parsed'
import { readTextMetadata } from './text-metadata'
import type { DocumentMetadata } from './types'

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
]

export async function parseDocx(bytes: Uint8Array): Promise<ParsedContent> {
  // mammoth's Node entry takes the bytes as `buffer` (its zip reader, jszip, takes any
  // Uint8Array); its typings say Buffer, which a Uint8Array is all that is used of.
  const result = await mammoth.convertToHtml(
    { buffer: bytes as Buffer },
    {
      styleMap: STYLE_MAP,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  )
  const builder = new DocumentBuilder()
  appendDomBlocks(inertFragment(result.value), builder)
  const { text, blocks } = builder.build()

  const metadata: DocumentMetadata = {}
  const heading = blocks.find((block) => block.type === 'heading' && block.level === 1)
  if (heading !== undefined) setMetadata(metadata, 'title', text.slice(heading.start, heading.end))
  readTextMetadata(text, blocks, metadata)
  // mammoth's messages name styles it did not recognise and content it skipped; only the ones
  // about lost content matter to a reader.
  const warnings = result.messages
    .filter((message) => message.type === 'error')
    .map((message) => `Part of the Word file could not be read: ${message.message}`)
  return { text, blocks, metadata, warnings }
}
