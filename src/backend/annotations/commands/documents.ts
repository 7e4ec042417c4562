/**
 * Corrections of a document: its metadata (title, outlet, author, date, URL) and which blocks
 * are page furniture. They live in the project settings (corroborate.json), not in the
 * annotator's file, so they need no annotator; like every other change they go through the
 * session's commit, and Ctrl+Z takes them back.
 */
import { isDeepStrictEqual } from 'node:util'
import { mergeCorrection, type DocumentCorrection } from '../../../core/model'
import { changeSet } from '../change-set'
import type { SettingsCommand } from './command'

/** Merges `correction` into the document's stored one (fields replace, flips add up). */
export const correctDocument: SettingsCommand<[string, DocumentCorrection], void> = async (
  context,
  documentId,
  correction,
) => {
  const before = (await context.settings.freshDocumentCorrection(documentId)) ?? null
  const after = mergeCorrection(before ?? undefined, correction)
  const unchanged =
    before === null ? Object.keys(after).length === 0 : isDeepStrictEqual(before, after)
  if (unchanged) return { change: null, answer: () => {} }
  return {
    change: changeSet(describeCorrection(correction), {
      documents: [{ id: documentId, before, after }],
    }),
    answer: () => {},
  }
}

/** "Mark as page furniture", "Mark as article text" or "Correct document details". */
function describeCorrection(correction: DocumentCorrection): string {
  const metadata = Object.keys(correction).some((name) => name !== 'furniture')
  const flips = new Set(Object.values(correction.furniture ?? {}))
  if (metadata || flips.size !== 1) return 'Correct document details'
  return flips.has(true) ? 'Mark as page furniture' : 'Mark as article text'
}
