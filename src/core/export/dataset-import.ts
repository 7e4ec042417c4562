/**
 * What the importers (W3C Web Annotation, brat standoff, Label Studio) read a file into, before
 * anything is placed: claims named as their source names them (a brat T id, an annotation id),
 * with the passage they quote in the source's text, and links between those names. Placing the
 * claims in the project's articles (resolve-import.ts) is one step for every format.
 *
 * A file that cannot be read as its format at all is a DatasetFormatError naming the file and
 * the line or item; anything it holds that Corroborate cannot represent is an ImportProblem
 * for that item, and the rest still imports.
 */
import type { Certainty, ClaimStatus } from '../model/claim'
import type { OutsideSource } from '../model/link'

/** Which article a claim is in, as the source says it. */
export interface DocumentRef {
  /** A path or file name (relative to the project, or the source's own). */
  path?: string
  /** The SHA-256 of the canonical text, when the source knows it. */
  documentId?: string
  /** The text the source's offsets count in (brat's .txt, Label Studio's task text). */
  text?: string
}

export interface ImportedClaim {
  /** The source's name for it (T3, an annotation id, a result id), for links and messages. */
  ref: string
  /** Where it is, for messages: "news/a.ann line 3", "export.json item 2". */
  where: string
  document: DocumentRef
  quote: { exact: string; prefix: string; suffix: string }
  /** Offsets in the source's text (UTF-16 unless `positionUnit` says code points): a hint. */
  position?: { start: number; end: number }
  positionUnit?: 'utf16' | 'code-points'
  /** A label id or name as the source writes it; mapped onto the project's labels. */
  label: string
  attributedTo?: string
  status?: ClaimStatus
  certainty?: Certainty | null
  note?: string
  tags?: string[]
  created?: string
  updated?: string
}

export interface ImportedLink {
  ref: string
  where: string
  /** A relation type id or name as the source writes it. */
  relation: string
  from: string
  to: { kind: 'claim'; ref: string } | ({ kind: 'outside' } & OutsideSource)
  note?: string
  confidence?: Certainty | null
  created?: string
  updated?: string
}

export interface ImportProblem {
  /** "news/a.ann line 7", "export.json item 3". */
  where: string
  message: string
}

export interface ImportBatch {
  claims: ImportedClaim[]
  links: ImportedLink[]
  problems: ImportProblem[]
}

/** The text of one file to import, by its name as the user sees it. */
export interface ImportFile {
  name: string
  text: string
}

/** A file that is not what its format says: names the file and the line or item. */
export class DatasetFormatError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    reason: string,
  ) {
    super(`${file}, ${where}: ${reason}`)
    this.name = 'DatasetFormatError'
  }
}

export function emptyBatch(): ImportBatch {
  return { claims: [], links: [], problems: [] }
}

/** Parses JSON, or throws a DatasetFormatError with the line the parser stopped at. */
export function parseJsonFile(file: ImportFile): unknown {
  try {
    return JSON.parse(file.text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // V8 names the place as "position N", "line L column C", or not at all at the very end.
    const position = /position (\d+)/.exec(message)
    const line = /line (\d+) column/.exec(message)
    const where = line
      ? `line ${line[1]}`
      : position
        ? `line ${lineAt(file.text, Number(position[1]))}`
        : /end of JSON input/.test(message)
          ? `line ${lineAt(file.text, file.text.length)} (the end)`
          : 'the whole file'
    throw new DatasetFormatError(file.name, where, `not valid JSON (${message})`)
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
