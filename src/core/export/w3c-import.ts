/**
 * Reads W3C Web Annotation JSON(-LD): one Annotation, an array of them, an AnnotationPage, an
 * AnnotationCollection with its first page embedded, or a JSON-LD @graph. Corroborate's own
 * export (w3c-annotations.ts) comes back field for field; another tool's annotations import as
 * far as they describe a passage of an article:
 *   - a claim needs a target with a TextQuoteSelector (directly, in a list, or as the refinement
 *     of another selector); its source (a path or file name, or our documentId) names the
 *     article, and a TextPositionSelector is only a hint where the quote is;
 *   - its label is the body marked as such, else the first "classifying" or "tagging" body,
 *     else its motivation ("highlighting", "commenting", ...);
 *   - "commenting" bodies and `bodyValue` become the note, "tagging" bodies tags;
 *   - an annotation with motivation "linking" is a link from the claim its target names to the
 *     claim its body names, or to an outside source (a SpecificResource or a plain address).
 * What does not fit (a target with no quote, a body that is a resource) is reported per item.
 */
import { CERTAINTIES, CLAIM_STATUSES, type Certainty, type ClaimStatus } from '../model/claim'
import {
  DatasetFormatError,
  emptyBatch,
  isRecord,
  parseJsonFile,
  type ImportBatch,
  type ImportedClaim,
  type ImportedLink,
  type ImportFile,
} from './dataset-import'

type Json = Record<string, unknown>

const list = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
const types = (value: Json): string[] =>
  list(value.type ?? value['@type']).filter((type): type is string => typeof type === 'string')
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isRecord(value) ? str(value.id ?? value['@id']) : undefined
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The annotations of a parsed document, in order. */
function annotationsOf(root: unknown, file: string): unknown[] {
  if (Array.isArray(root)) return root
  if (!isRecord(root)) {
    throw new DatasetFormatError(
      file,
      'the whole file',
      'not an annotation, a list of them or a collection',
    )
  }
  if (Array.isArray(root['@graph'])) return root['@graph']
  const kind = types(root)
  if (kind.includes('AnnotationCollection')) {
    const first = root.first
    if (!isRecord(first)) {
      throw new DatasetFormatError(
        file,
        'first',
        'the collection does not embed its first page; import the pages themselves',
      )
    }
    const items: unknown[] = list(first.items)
    // Later pages may be embedded too (a collection exported in one file).
    let next: unknown = first.next
    while (isRecord(next)) {
      items.push(...list(next.items))
      next = next.next
    }
    return items
  }
  if (kind.includes('AnnotationPage') || Array.isArray(root.items)) return list(root.items)
  return [root]
}

interface Selectors {
  quote?: Json
  position?: Json
}

function findSelectors(selector: unknown, found: Selectors = {}): Selectors {
  for (const item of list(selector)) {
    if (!isRecord(item)) continue
    const kind = types(item)
    if (kind.includes('TextQuoteSelector') && !found.quote) found.quote = item
    if (kind.includes('TextPositionSelector') && !found.position) found.position = item
    if (item.refinedBy !== undefined) findSelectors(item.refinedBy, found)
  }
  return found
}

const isStatus = (value: unknown): value is ClaimStatus =>
  typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value)
const isCertainty = (value: unknown): value is Certainty =>
  typeof value === 'string' && (CERTAINTIES as readonly string[]).includes(value)

function decodePath(source: string): string {
  try {
    return decodeURI(source)
  } catch {
    return source
  }
}

function purposesOf(body: Json): string[] {
  return list(body.purpose).filter((purpose): purpose is string => typeof purpose === 'string')
}

function textualValue(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  if (!types(body).includes('TextualBody') && body.value === undefined) return undefined
  return str(body.value)
}

export function parseW3cAnnotations(file: ImportFile): ImportBatch {
  const batch = emptyBatch()
  const items = annotationsOf(parseJsonFile(file), file.name)
  items.forEach((item, index) => {
    const where = `${file.name} item ${index + 1}`
    if (!isRecord(item)) {
      throw new DatasetFormatError(file.name, `item ${index + 1}`, 'not a JSON object')
    }
    if (!types(item).includes('Annotation')) {
      throw new DatasetFormatError(file.name, `item ${index + 1}`, 'its type is not "Annotation"')
    }
    const ref = idOf(item) ?? `${file.name}#${index + 1}`
    const motivations = list(item.motivation).filter((m): m is string => typeof m === 'string')
    if (motivations.includes('linking')) {
      const link = readLink(item, ref, where, batch)
      if (link) batch.links.push(link)
      return
    }
    const claim = readClaim(item, ref, where, motivations, batch)
    if (claim) batch.claims.push(claim)
  })
  return batch
}

function readClaim(
  item: Json,
  ref: string,
  where: string,
  motivations: string[],
  batch: ImportBatch,
): ImportedClaim | null {
  const targets = list(item.target)
  const target = targets.find(
    (candidate) => isRecord(candidate) && findSelectors(candidate.selector).quote !== undefined,
  ) as Json | undefined
  if (!target) {
    batch.problems.push({
      where,
      message: `${ref} has no target with a TextQuoteSelector (a quote to place it by); it is not imported.`,
    })
    return null
  }
  if (targets.length > 1) {
    batch.problems.push({
      where,
      message: `${ref} has ${targets.length} targets; only the first with a quote is imported.`,
    })
  }
  const { quote, position } = findSelectors(target.selector)
  const exact = str(quote!.exact)
  if (exact === undefined || exact === '') {
    batch.problems.push({
      where,
      message: `${ref}'s TextQuoteSelector has no "exact" text; it is not imported.`,
    })
    return null
  }
  const source = idOf(target.source)
  const claim: ImportedClaim = {
    ref,
    where,
    document: {},
    quote: { exact, prefix: str(quote!.prefix) ?? '', suffix: str(quote!.suffix) ?? '' },
    label: '',
    tags: [],
  }
  if (source !== undefined) claim.document.path = decodePath(source)
  const documentId = str(target.documentId)
  if (documentId !== undefined) claim.document.documentId = documentId
  if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
    claim.position = { start: position.start as number, end: position.end as number }
    claim.positionUnit = 'code-points'
  }
  const notes: string[] = []
  const bodyValue = str(item.bodyValue)
  if (bodyValue !== undefined) notes.push(bodyValue)
  let classifying: string | undefined
  for (const body of list(item.body)) {
    const value = textualValue(body)
    if (value === undefined || !isRecord(body)) {
      batch.problems.push({
        where,
        message: `${ref}: a body that is a resource (${idOf(body) ?? 'no id'}), not text, is left out.`,
      })
      continue
    }
    const field = str(body.field)
    const purposes = purposesOf(body)
    if (field === 'label') claim.label = value
    else if (field === 'status' && isStatus(value)) claim.status = value
    else if (field === 'certainty' && isCertainty(value)) claim.certainty = value
    else if (field === 'attributedTo') claim.attributedTo = value
    else if (purposes.includes('tagging')) claim.tags!.push(value)
    else if (purposes.includes('classifying') && classifying === undefined) classifying = value
    else
      notes.push(
        purposes.length > 0 && !purposes.includes('commenting')
          ? `${purposes[0]}: ${value}`
          : value,
      )
  }
  if (claim.label === '') {
    claim.label = classifying ?? claim.tags!.shift() ?? motivations[0] ?? 'claim'
  } else if (classifying !== undefined) {
    notes.push(`classifying: ${classifying}`)
  }
  if (notes.length > 0) claim.note = notes.join('\n')
  const created = str(item.created)
  const modified = str(item.modified)
  if (created !== undefined) claim.created = created
  if (modified !== undefined) claim.updated = modified
  return claim
}

function readLink(item: Json, ref: string, where: string, batch: ImportBatch): ImportedLink | null {
  const from = idOf(list(item.target)[0])
  if (from === undefined) {
    batch.problems.push({ where, message: `Link ${ref} has no target claim; it is not imported.` })
    return null
  }
  let to: ImportedLink['to'] | undefined
  let relation = 'cites'
  let confidence: Certainty | null = null
  const notes: string[] = []
  for (const body of list(item.body)) {
    const value = textualValue(body)
    if (value !== undefined && isRecord(body)) {
      const field = str(body.field)
      if (
        field === 'relation' ||
        (field === undefined && purposesOf(body).includes('classifying'))
      ) {
        relation = value
      } else if (field === 'confidence' && isCertainty(value)) confidence = value
      else notes.push(value)
      continue
    }
    if (to !== undefined) {
      batch.problems.push({
        where,
        message: `Link ${ref} has more than one end; only the first is imported.`,
      })
      continue
    }
    if (isRecord(body) && types(body).includes('SpecificResource')) {
      const source = body.source
      const sourceRecord = isRecord(source) ? source : {}
      to = {
        kind: 'outside',
        url: idOf(source) ?? '',
        title: str(sourceRecord.title) ?? '',
        publisher: str(sourceRecord.publisher) ?? '',
        date: str(sourceRecord.date) ?? '',
        quote: str(findSelectors(body.selector).quote?.exact) ?? '',
      }
    } else {
      const id = idOf(body)
      if (id === undefined) continue
      to = /^https?:\/\//i.test(id)
        ? { kind: 'outside', url: id, title: '', publisher: '', date: '', quote: '' }
        : { kind: 'claim', ref: id }
    }
  }
  if (to === undefined) {
    batch.problems.push({
      where,
      message: `Link ${ref} has no body to link to; it is not imported.`,
    })
    return null
  }
  const link: ImportedLink = { ref, where, relation, from, to, confidence }
  if (notes.length > 0) link.note = notes.join('\n')
  const created = str(item.created)
  const modified = str(item.modified)
  if (created !== undefined) link.created = created
  if (modified !== undefined) link.updated = modified
  return link
}
