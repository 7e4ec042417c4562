/**
 * W3C Web Annotation (Data Model and Vocabulary, JSON-LD): one AnnotationCollection holding
 * every claim and link.
 *
 * A claim is an Annotation (motivation "classifying": a passage given a label) whose target
 * names the article by its project path (a relative IRI) and its content hash (`documentId`),
 * with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector counted in
 * Unicode code points, as the model requires. Its fields are TextualBodies:
 *   label          purpose "classifying", field "label" (the label id)
 *   status         purpose "classifying", field "status"
 *   certainty      purpose "assessing",   field "certainty" (absent: not assessed)
 *   attributedTo   purpose "describing",  field "attributedTo" (absent: empty)
 *   note           purpose "commenting"   (absent: empty)
 *   tags           purpose "tagging", one body per tag
 * A link is an Annotation with motivation "linking", target the claim it starts at
 * ("urn:uuid:<claim id>"), and bodies: the claim it ends at (its annotation id) or, for an
 * outside source, a SpecificResource with the source's address, title, publisher and date (and
 * a TextQuoteSelector with the copied passage), then its relation (field "relation"),
 * confidence (field "confidence") and note.
 *
 * `field`, `documentId`, `title`, `publisher` and `date` are defined in the collection's own
 * context (urn:corroborate:terms#) next to the W3C one, so the file stays valid JSON-LD. A claim
 * with no place in its article's current text keeps its quote and has no position selector.
 */
import type { Claim } from '../model/claim'
import type { Link } from '../model/link'
import { allClaims, allLinks, type DatasetExport, type DatasetInput } from './dataset'
import { placeClaim } from './placed-claims'

export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    corroborate: 'urn:corroborate:terms#',
    field: 'corroborate:field',
    documentId: 'corroborate:documentId',
    title: 'http://purl.org/dc/terms/title',
    publisher: 'http://purl.org/dc/terms/publisher',
    date: 'http://purl.org/dc/terms/date',
  },
] as const

export const W3C_FILE_NAME = 'annotations.jsonld'

/** The annotation id of a claim or link: its UUID as a URN. */
export function annotationIri(id: string): string {
  return `urn:uuid:${id}`
}

type Json = Record<string, unknown>

function textualBody(purpose: string, value: string, field?: string): Json {
  return field === undefined
    ? { type: 'TextualBody', purpose, value }
    : { type: 'TextualBody', purpose, value, field }
}

export function claimAnnotation(claim: Claim, input: DatasetInput): Json {
  const placed = placeClaim(claim, input.documents)
  const body: Json[] = [
    textualBody('classifying', claim.label, 'label'),
    textualBody('classifying', claim.status, 'status'),
  ]
  if (claim.certainty !== null) body.push(textualBody('assessing', claim.certainty, 'certainty'))
  if (claim.attributedTo !== '') {
    body.push(textualBody('describing', claim.attributedTo, 'attributedTo'))
  }
  if (claim.note !== '') body.push(textualBody('commenting', claim.note))
  for (const tag of claim.tags) body.push(textualBody('tagging', tag))
  const selector: Json[] = [{ type: 'TextQuoteSelector', ...placed.quote }]
  if (placed.codePoints) selector.push({ type: 'TextPositionSelector', ...placed.codePoints })
  return {
    id: annotationIri(claim.id),
    type: 'Annotation',
    motivation: 'classifying',
    creator: { type: 'Person', name: claim.annotator },
    created: claim.created,
    modified: claim.updated,
    body,
    target: {
      type: 'SpecificResource',
      source: encodeURI(placed.documentPath),
      documentId: placed.documentId,
      selector,
    },
  }
}

export function linkAnnotation(link: Link): Json {
  const body: Json[] = []
  if (link.to.kind === 'claim') {
    body.push({ id: annotationIri(link.to.claimId) })
  } else {
    const source: Json = { type: 'Text', title: link.to.title, publisher: link.to.publisher }
    if (link.to.url !== '') source.id = link.to.url
    if (link.to.date !== '') source.date = link.to.date
    const outside: Json = { type: 'SpecificResource', source }
    if (link.to.quote !== '') outside.selector = { type: 'TextQuoteSelector', exact: link.to.quote }
    body.push(outside)
  }
  body.push(textualBody('classifying', link.relation, 'relation'))
  if (link.confidence !== null) {
    body.push(textualBody('assessing', link.confidence, 'confidence'))
  }
  if (link.note !== '') body.push(textualBody('commenting', link.note))
  return {
    id: annotationIri(link.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: { type: 'Person', name: link.annotator },
    created: link.created,
    modified: link.updated,
    body,
    target: annotationIri(link.from),
  }
}

/** annotations.jsonld: every claim, then every link, as one AnnotationCollection. */
export function w3cExport(input: DatasetInput): DatasetExport {
  const claims = allClaims(input)
  const links = allLinks(input)
  const items = [
    ...claims.map((claim) => claimAnnotation(claim, input)),
    ...links.map(linkAnnotation),
  ]
  const collection = {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Claims and links exported from Corroborate',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
  return {
    files: [{ path: W3C_FILE_NAME, text: JSON.stringify(collection, null, 2) + '\n' }],
    claims: claims.length,
    links: links.length,
    problems: [],
  }
}
