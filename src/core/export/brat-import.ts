/**
 * Reads brat standoff: one .ann file with the .txt its offsets count in (code points, as brat
 * counts them; a .txt with CRLF line ends counts the CR too). What Corroborate represents:
 *   T   a claim: its type is the label; fragments split only by whitespace are one passage
 *   A/M Status, Certainty (claims), Confidence (relations); any other attribute becomes a tag,
 *       "Name" (binary) or "Name:value"
 *   #   AnnotatorNotes (the note; several are joined), AttributedTo, Tags (split at ";")
 *   R   a link of that type from Arg1 to Arg2;  *  Equiv  "same claim" links along the list
 * Reported per line and left out: events (E), normalizations (N), a discontinuous passage,
 * relations or notes naming an event or an unknown id. A line that is none of these is not
 * brat standoff: the file is refused with its line number.
 */
import { createOffsetConverter, describeRange } from '../anchoring'
import { CERTAINTIES, CLAIM_STATUSES, type Certainty, type ClaimStatus } from '../model/claim'
import { unescapeBratNote } from './brat-standoff'
import {
  DatasetFormatError,
  emptyBatch,
  type ImportBatch,
  type ImportedClaim,
  type ImportedLink,
  type ImportFile,
} from './dataset-import'

const TEXT_BOUND = /^(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/
const ATTRIBUTE = /^([AM]\S*)\t(\S+) (\S+)(?: (\S+))?\t?$/
const RELATION = /^(R\S*)\t(\S+) (\S+):(\S+) (\S+):(\S+)\t?$/
const EQUIV = /^\*\t(\S+)((?: \S+)+)\t?$/
const NOTE = /^(#\S*)\t(\S+) (\S+)\t?(.*)$/
const OTHER = /^([EN]\S*)\t/

const isStatus = (value: string): value is ClaimStatus =>
  (CLAIM_STATUSES as readonly string[]).includes(value)
const isCertainty = (value: string): value is Certainty =>
  (CERTAINTIES as readonly string[]).includes(value)

/**
 * One .ann file. `txt` is its text file; `documentPath` the path the claims name (the .txt's
 * path relative to the imported folder). Refs are "<ann name>#<id>", unique across files.
 */
export function parseBratAnn(ann: ImportFile, txt: ImportFile, documentPath: string): ImportBatch {
  const batch = emptyBatch()
  const text = txt.text.replace(/^\uFEFF/, '')
  const converter = createOffsetConverter(text)
  const claims = new Map<string, ImportedClaim>()
  const relations = new Map<string, ImportedLink>()
  const ref = (id: string) => `${ann.name}#${id}`
  const lines = ann.text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const at = (index: number) => `${ann.name} line ${index + 1}`
  const fail = (index: number, reason: string) => {
    throw new DatasetFormatError(ann.name, `line ${index + 1}`, reason)
  }
  const skip = (index: number, message: string) =>
    batch.problems.push({ where: at(index), message })

  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let match: RegExpExecArray | null
    if ((match = TEXT_BOUND.exec(line))) {
      const [, id, type, spans, passage] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
      ]
      const parts = spans.split(';').map((span) => span.split(' ').map(Number) as [number, number])
      let start: number
      let end: number
      let utf16Parts: number[][]
      try {
        const utf16 = (utf16Parts = parts.map(([a, b]) => [
          converter.fromCodePoint(a),
          converter.fromCodePoint(b),
        ]))
        if (utf16.some(([a, b]) => a! > b!))
          return fail(index, `span ${spans} ends before it starts`)
        for (let i = 1; i < utf16.length; i++) {
          const gap = text.slice(utf16[i - 1]![1], utf16[i]![0])
          if (utf16[i]![0]! < utf16[i - 1]![1]! || /\S/.test(gap)) {
            return skip(
              index,
              `${id} is a discontinuous passage ("${passage}"), which a claim cannot be; it is not imported.`,
            )
          }
        }
        start = utf16[0]![0]!
        end = utf16[utf16.length - 1]![1]!
      } catch {
        return fail(
          index,
          `span ${spans} is outside ${txt.name} (${converter.codePointLength} characters)`,
        )
      }
      if (start === end) return skip(index, `${id} is an empty passage; it is not imported.`)
      // brat repeats the passage after the offsets: a mismatch means the wrong .txt.
      const marked = utf16Parts.map(([a, b]) => text.slice(a, b)).join(' ')
      if (marked !== passage) {
        return skip(
          index,
          `${id} says "${passage}" but ${txt.name} has "${marked}" there; it is not imported.`,
        )
      }
      const range = describeRange(text, start, end)
      claims.set(id, {
        ref: ref(id),
        where: at(index),
        document: { path: documentPath, text },
        quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
        position: { start, end },
        label: type,
        tags: [],
      })
      return
    }
    if ((match = ATTRIBUTE.exec(line))) {
      const [, , name, target, value] = match as unknown as [
        string,
        string,
        string,
        string,
        string | undefined,
      ]
      const claim = claims.get(target)
      const relation = relations.get(target)
      const key = name.toLowerCase()
      if (relation && key === 'confidence' && value !== undefined && isCertainty(value)) {
        relation.confidence = value
      } else if (claim && key === 'status' && value !== undefined && isStatus(value)) {
        claim.status = value
      } else if (claim && key === 'certainty' && value !== undefined && isCertainty(value)) {
        claim.certainty = value
      } else if (claim) {
        claim.tags!.push(value === undefined ? name : `${name}:${value}`)
      } else {
        skip(
          index,
          `Attribute ${name} of ${target}, which is not an imported claim or relation, is left out.`,
        )
      }
      return
    }
    if ((match = RELATION.exec(line))) {
      const [, id, type, , arg1, , arg2] = match as unknown as string[]
      if (!claims.has(arg1!) || !claims.has(arg2!)) {
        return skip(
          index,
          `Relation ${id} joins ${arg1} and ${arg2}; only relations between text-bound annotations become links.`,
        )
      }
      const link: ImportedLink = {
        ref: ref(id!),
        where: at(index),
        relation: type!,
        from: ref(arg1!),
        to: { kind: 'claim', ref: ref(arg2!) },
      }
      relations.set(id!, link)
      batch.links.push(link)
      return
    }
    if ((match = EQUIV.exec(line))) {
      const [, type, rest] = match as unknown as [string, string, string]
      const members = rest.trim().split(' ')
      const missing = members.filter((member) => !claims.has(member))
      if (missing.length > 0) {
        return skip(
          index,
          `${type} names ${missing.join(', ')}, not text-bound annotations; the line is left out.`,
        )
      }
      for (let i = 1; i < members.length; i++) {
        batch.links.push({
          ref: ref(`*${index + 1}.${i}`),
          where: at(index),
          relation: type === 'Equiv' ? 'same' : type,
          from: ref(members[i - 1]!),
          to: { kind: 'claim', ref: ref(members[i]!) },
        })
      }
      return
    }
    if ((match = NOTE.exec(line))) {
      const [, , type, target, body] = match as unknown as [string, string, string, string, string]
      const claim = claims.get(target)
      const relation = relations.get(target)
      const note = unescapeBratNote(body)
      if (claim && type === 'AttributedTo') claim.attributedTo = note
      else if (claim && type === 'Tags') claim.tags!.push(...note.split(';'))
      else if (claim || relation) {
        const holder = (claim ?? relation)!
        const line = type === 'AnnotatorNotes' ? note : `${type}: ${note}`
        holder.note = holder.note ? `${holder.note}\n${line}` : line
      } else
        skip(index, `Note on ${target}, which is not an imported claim or relation, is left out.`)
      return
    }
    if ((match = OTHER.exec(line))) {
      const kind = match[1]!.startsWith('E') ? 'an event' : 'a normalization'
      return skip(
        index,
        `${match[1]} is ${kind}, which Corroborate cannot represent; it is left out (its trigger, a T line, is imported as a claim).`,
      )
    }
    fail(
      index,
      `"${line.length > 40 ? line.slice(0, 37) + '…' : line}" is not a brat standoff line`,
    )
  })
  batch.claims.push(...claims.values())
  return batch
}
