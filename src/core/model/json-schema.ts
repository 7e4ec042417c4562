/**
 * The JSON Schemas of the annotation file, generated from the zod schemas, so the committed
 * copies in `annotations/annotations.v<n>.schema.json` cannot drift from what the app validates
 * (a unit test compares them; `UPDATE_SCHEMA=1 npx vitest run tests/unit/core/model/json-schema.test.ts`
 * rewrites the committed files). Version 1's stays for reference: files of that version are
 * still read (and migrated).
 */
import { z } from 'zod'
import { annotationFileV1Schema, annotationFileV2Schema } from './annotation-file'

export const ANNOTATION_SCHEMA_VERSIONS = [1, 2] as const
export type AnnotationSchemaVersion = (typeof ANNOTATION_SCHEMA_VERSIONS)[number]

export const ANNOTATION_SCHEMA_ID = 'https://corroborate.invalid/annotations.v2.schema.json'

const SCHEMAS = {
  1: {
    schema: annotationFileV1Schema,
    description:
      "One annotator's claims. Offsets (target.position) count UTF-16 code units of the canonical document text.",
  },
  2: {
    schema: annotationFileV2Schema,
    description:
      "One annotator's claims, the links between them (or to sources outside the project) and the wording chosen for clusters of 'same' claims. Offsets (target.position) count UTF-16 code units of the canonical document text.",
  },
} as const

export function annotationSchemaFileName(version: AnnotationSchemaVersion): string {
  return `annotations.v${version}.schema.json`
}

export function annotationFileJsonSchema(
  version: AnnotationSchemaVersion = 2,
): Record<string, unknown> {
  const { schema, description } = SCHEMAS[version]
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12' }),
    $id: `https://corroborate.invalid/${annotationSchemaFileName(version)}`,
    title: `Corroborate annotation file, version ${version}`,
    description,
  }
}

/** The committed file's text: stable key order, two-space indent, final newline. */
export function annotationFileJsonSchemaText(version: AnnotationSchemaVersion = 2): string {
  return JSON.stringify(annotationFileJsonSchema(version), null, 2) + '\n'
}
