/**
 * The JSON Schema of the annotation file, generated from the zod schema, so the committed copy
 * in `annotations/annotations.v1.schema.json` cannot drift from what the app validates (a unit
 * test compares them; `UPDATE_SCHEMA=1 npx vitest run tests/unit/core/model/json-schema.test.ts`
 * rewrites the committed file).
 */
import { z } from 'zod'
import { annotationFileV1Schema } from './annotation-file'

export const ANNOTATION_SCHEMA_ID = 'https://corroborate.invalid/annotations.v1.schema.json'

export function annotationFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(annotationFileV1Schema, { target: 'draft-2020-12' }),
    $id: ANNOTATION_SCHEMA_ID,
    title: 'Corroborate annotation file, version 1',
    description:
      "One annotator's claims. Offsets (target.position) count UTF-16 code units of the canonical document text.",
  }
}

/** The committed file's text: stable key order, two-space indent, final newline. */
export function annotationFileJsonSchemaText(): string {
  return JSON.stringify(annotationFileJsonSchema(), null, 2) + '\n'
}
