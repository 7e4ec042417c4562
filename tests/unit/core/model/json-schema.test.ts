/**
 * The committed JSON Schemas are what zod generates, and the committed examples are valid files.
 * Regenerate the schemas after changing the zod schema:
 *   UPDATE_SCHEMA=1 npx vitest run tests/unit/core/model/json-schema.test.ts
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ANNOTATION_SCHEMA_VERSIONS,
  annotationFileJsonSchemaText,
  annotationSchemaFileName,
  claimSchema,
  linkSchema,
  readAnnotationFileText,
} from '../../../../src/core/model'

const annotationsDir = resolve(import.meta.dirname, '../../../../annotations')

describe('annotation file JSON Schemas', () => {
  for (const version of ANNOTATION_SCHEMA_VERSIONS) {
    it(`v${version} matches z.toJSONSchema of the zod schema (UPDATE_SCHEMA=1 rewrites it)`, async () => {
      const path = join(annotationsDir, annotationSchemaFileName(version))
      const generated = annotationFileJsonSchemaText(version)
      if (process.env.UPDATE_SCHEMA === '1') await writeFile(path, generated)
      // Compared as JSON, not text: Prettier may lay the committed file out differently.
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(JSON.parse(generated))
    })
  }

  it('v1 describes the format, version and claim fields', () => {
    const schema = JSON.parse(annotationFileJsonSchemaText(1))
    expect(schema.properties.format.const).toBe('corroborate/annotations')
    expect(schema.properties.version.const).toBe(1)
    expect(schema.required).toEqual(['format', 'version', 'annotator', 'claims', 'deleted'])
    expect(Object.keys(schema.properties.claims.items.properties)).toEqual(
      Object.keys(claimSchema.shape),
    )
  })

  it('v2 adds links, their tombstones and cluster wordings', () => {
    const schema = JSON.parse(annotationFileJsonSchemaText(2))
    expect(schema.$id).toBe('https://corroborate.invalid/annotations.v2.schema.json')
    expect(schema.properties.version.const).toBe(2)
    expect(schema.required).toEqual([
      'format',
      'version',
      'annotator',
      'claims',
      'deleted',
      'links',
      'deletedLinks',
      'clusters',
    ])
    expect(Object.keys(schema.properties.links.items.properties)).toEqual(
      Object.keys(linkSchema.shape),
    )
    // The two kinds of link end.
    expect(JSON.stringify(schema.properties.links.items.properties.to)).toContain('"outside"')
  })
})

describe('annotations/examples', () => {
  it('every example is a valid annotation file', async () => {
    const names = (await readdir(join(annotationsDir, 'examples'))).filter((name) =>
      name.endsWith('.json'),
    )
    expect(names.length).toBeGreaterThanOrEqual(2)
    for (const name of names) {
      const text = await readFile(join(annotationsDir, 'examples', name), 'utf8')
      const result = readAnnotationFileText(text, name)
      expect(result.ok, result.ok ? name : result.message).toBe(true)
    }
  })

  it("alice.json's positions and quotes agree with the example article", async () => {
    const text = (
      await readFile(join(annotationsDir, 'examples', 'munitions-shipments.txt'), 'utf8')
    ).replace(/\n$/, '')
    const result = readAnnotationFileText(
      await readFile(join(annotationsDir, 'examples', 'alice.json'), 'utf8'),
      'alice.json',
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.file.claims.length).toBeGreaterThan(0)
    for (const { target } of result.file.claims) {
      const { start, end } = target.position
      expect(text.slice(start, end)).toBe(target.quote.exact)
      expect(text.slice(0, start).endsWith(target.quote.prefix)).toBe(true)
      expect(text.slice(end).startsWith(target.quote.suffix)).toBe(true)
    }
  })
})
