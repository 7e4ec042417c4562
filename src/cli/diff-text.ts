/**
 * `corroborate diff` for people: per document, each unit that differs with both files'
 * versions (label, quote, range) and what differs, then the links. Quotes and free text are
 * printed as JSON strings, so a line break, a quote mark or a trailing space stays visible.
 *
 *   --- a: annotations/alice.json (alice)
 *   +++ b: annotations/bob.json (bob)
 *
 *   news/wire.txt: 2 of 3 units differ
 *     ~ label, boundaries
 *         a  figure  "about 13,000 containers to Russia"  [61, 94)
 *         b  claim   "13,000 containers"  [67, 84)
 *         label: figure → claim
 *         start: - "about "
 *         end: - " to Russia"
 *     - only in a: denial  "Moscow denied the allegations"  [153, 182)
 */
import type {
  AnnotationDiff,
  DiffLinkEnd,
  DiffLinkVersion,
  DiffVersion,
  DocumentDiff,
  UnitDiff,
} from '../core/review'

/** Longer quotes keep their two ends (where boundaries differ) around an ellipsis. */
const QUOTE_KEEP = 160

export function diffText(
  diff: AnnotationDiff,
  header: { project: string | null; annotators: { a: string; b: string } },
): string {
  const lines = [
    `--- a: ${diff.a} (${header.annotators.a})`,
    `+++ b: ${diff.b} (${header.annotators.b})`,
  ]
  lines.push(
    header.project === null
      ? 'Claims compared where the files store them (no project).'
      : `Claims placed in the current texts of the project ${header.project}.`,
  )
  const changed = diff.documents.filter((document) => document.differences.length > 0)
  const units = diff.documents.reduce((sum, document) => sum + document.units, 0)
  const differing = changed.reduce((sum, document) => sum + document.differences.length, 0)
  lines.push(
    `${differing} of ${units} unit(s) differ in ${changed.length} of ${diff.documents.length} ` +
      `document(s); ${diff.links.differences.length} of ${diff.links.compared} link(s) differ.`,
  )
  for (const document of changed) lines.push('', ...documentLines(document))
  if (diff.links.differences.length > 0) {
    lines.push('', `links: ${diff.links.differences.length} differ`)
    for (const link of diff.links.differences) {
      if (link.kind === 'changed') {
        lines.push(`  ~ ${link.fields.join(', ')}: ${linkLine(link.a!)}`)
        if (link.fields.includes('confidence')) {
          lines.push(
            `      confidence: ${certainty(link.a!.confidence)} → ${certainty(link.b!.confidence)}`,
          )
        }
        if (link.fields.includes('note')) {
          lines.push(`      note: ${quoted(link.a!.note)} → ${quoted(link.b!.note)}`)
        }
      } else {
        const [sign, side] = link.kind === 'only-a' ? ['-', 'a'] : ['+', 'b']
        lines.push(`  ${sign} only in ${side}: ${linkLine((link.a ?? link.b)!)}`)
      }
    }
  }
  if (diff.identical) lines.push('', 'The files agree.')
  return `${lines.join('\n')}\n`
}

function documentLines(document: DocumentDiff): string[] {
  const where =
    document.placement === 'current'
      ? ''
      : document.textsDiffer
        ? ' (as stored; the files were made on different versions of this text, so ranges are ' +
          'compared as they are and passages by their quotes)'
        : ' (as stored)'
  const lines = [
    `${document.path}${where}: ${document.differences.length} of ${document.units} unit(s) differ`,
  ]
  for (const unit of document.differences) lines.push(...unitLines(unit))
  return lines
}

function unitLines(unit: UnitDiff): string[] {
  if (unit.kind !== 'changed') {
    const [sign, side, version] = unit.kind === 'only-a' ? ['-', 'a', unit.a!] : ['+', 'b', unit.b!]
    return [`  ${sign} only in ${side}: ${versionLine(version)}`]
  }
  const a = unit.a!
  const b = unit.b!
  const width = Math.max(a.label.length, b.label.length)
  const lines = [
    `  ~ ${unit.fields.join(', ')}`,
    `      a  ${versionLine(a, width)}`,
    `      b  ${versionLine(b, width)}`,
  ]
  for (const field of unit.fields) {
    if (field === 'label') lines.push(`      label: ${a.label} → ${b.label}`)
    if (field === 'status') lines.push(`      status: ${a.status} → ${b.status}`)
    if (field === 'certainty') {
      lines.push(`      certainty: ${certainty(a.certainty)} → ${certainty(b.certainty)}`)
    }
    if (field === 'attributedTo') {
      lines.push(`      attributed to: ${quoted(a.attributedTo)} → ${quoted(b.attributedTo)}`)
    }
    if (field === 'boundaries' && unit.boundaries) {
      const { start, end } = unit.boundaries
      if (start) lines.push(`      start: ${edge(start)}`)
      if (end) lines.push(`      end: ${edge(end)}`)
      if (!start && !end) lines.push('      boundaries: the same ends, other characters between')
    }
    if (field === 'note') lines.push(`      note: ${quoted(a.note)} → ${quoted(b.note)}`)
    if (field === 'tags') {
      const added = b.tags.filter((tag) => !a.tags.includes(tag)).map((tag) => `+${tag}`)
      const removed = a.tags.filter((tag) => !b.tags.includes(tag)).map((tag) => `-${tag}`)
      lines.push(`      tags: ${[...removed, ...added].join(', ')}`)
    }
  }
  return lines
}

function versionLine(version: DiffVersion, labelWidth = 0): string {
  return `${version.label.padEnd(labelWidth)}  ${quoted(shortQuote(version.quote))}  [${version.start}, ${version.end})`
}

/** "- x" when b's version lacks x at this end, "+ x" when it has x more; both when replaced. */
function edge(change: { added: string; removed: string }): string {
  const parts: string[] = []
  if (change.removed !== '') parts.push(`- ${quoted(change.removed)}`)
  if (change.added !== '') parts.push(`+ ${quoted(change.added)}`)
  return parts.join('  ')
}

function linkLine(link: DiffLinkVersion): string {
  return `${end(link.from)} --${link.relation}--> ${end(link.to)}`
}

function end(linkEnd: DiffLinkEnd): string {
  if (linkEnd.kind === 'outside') return `outside ${linkEnd.url || quoted(linkEnd.title)}`
  if (linkEnd.kind === 'missing') return `(missing claim ${linkEnd.claimId})`
  return `${quoted(shortQuote(linkEnd.quote, 60))} (${linkEnd.path})`
}

function certainty(value: DiffVersion['certainty']): string {
  return value ?? 'not assessed'
}

function quoted(text: string): string {
  return JSON.stringify(text)
}

function shortQuote(text: string, keep = QUOTE_KEEP): string {
  const characters = [...text]
  if (characters.length <= keep) return text
  const half = Math.floor((keep - 1) / 2)
  return `${characters.slice(0, half).join('')}…${characters.slice(-half).join('')}`
}
