import type { CanonicalDocument } from './types'

/** What a format parser returns; index.ts adds the id and the format. */
export type ParsedContent = Pick<CanonicalDocument, 'text' | 'blocks' | 'metadata' | 'warnings'>
