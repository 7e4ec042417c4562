/**
 * CSV writing against public expectations: csv-spectrum's edge cases, PapaParse's escapeFormulae
 * vectors, OWASP's list of formula triggers, and a round-trip property over arbitrary text.
 */
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { FORMULA_TRIGGER, toCsv, UTF8_BOM } from '../../../../src/core/export'
import { loadJson, spectrumCases } from './vectors'

function readBack(csv: string): string[][] {
  // Our files end every record with CRLF; the parser sees the last one as an empty line.
  expect(csv.endsWith('\r\n')).toBe(true)
  const parsed = Papa.parse<string[]>(csv.slice(0, -2), { delimiter: ',', newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('csv-spectrum', () => {
  for (const { name, csv, expected } of spectrumCases()) {
    it(`${name}: papaparse reads it as its JSON says${name === 'location_coordinates' ? ' (lenient)' : ''}`, () => {
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
      if (name === 'location_coordinates') {
        // Its JSON disagrees with its own CSV (a different phone number): only the shape is checked.
        expect(parsed.data).toHaveLength(1)
        expect(Object.keys(parsed.data[0])).toEqual(Object.keys(expected[0] ?? expected))
        expect(parsed.data[0].Cities).toBe('Modesto')
        return
      }
      expect(parsed.data).toEqual(expected)
    })

    if (name !== 'location_coordinates') {
      it(`${name}: what we write from its JSON reads back the same`, () => {
        const columns = Object.keys(expected[0])
        const rows = expected.map((row) => columns.map((column) => row[column]))
        const [header, ...body] = readBack(toCsv(columns, rows))
        expect(header).toEqual(columns)
        expect(body).toEqual(rows)
      })
    }
  }
})

interface UnparseVector {
  description: string
  input: Record<string, string>[]
  config: Record<string, unknown>
  expected: string
}

describe('formula injection', () => {
  const vectors = loadJson<{ UNPARSE_TESTS: UnparseVector[] }>(
    'papaparse-test-vectors.json',
  ).UNPARSE_TESTS
  const escapeCases = vectors.filter(
    (vector) => vector.config.escapeFormulae === true && vector.config.quoteChar === undefined,
  )

  it('PapaParse escapeFormulae vectors hold with our trigger set (a superset of theirs)', () => {
    expect(escapeCases.length).toBeGreaterThanOrEqual(4)
    for (const vector of escapeCases) {
      const output = Papa.unparse(vector.input, {
        ...vector.config,
        escapeFormulae: FORMULA_TRIGGER,
      })
      expect(output, vector.description).toBe(vector.expected)
    }
  })

  it("prefixes ' to every leading character OWASP and ASVS list, and only to those", () => {
    const guidance = loadJson<{
      owasp_dangerous_leading_chars: string[]
      asvs_5_0_1_2_10_chars: string[]
      owasp_examples: { input: string; escaped_output: string }[]
    }>('csv-injection-guidance.json')
    const triggers = new Set([
      ...guidance.owasp_dangerous_leading_chars,
      ...guidance.asvs_5_0_1_2_10_chars,
    ])
    for (const char of triggers) {
      const [, [cell]] = readBack(toCsv(['a', 'b'], [[`${char}cmd|' /C calc'!A0`, '']]))
      expect(cell, JSON.stringify(char)).toBe(`'${char}cmd|' /C calc'!A0`)
    }
    for (const safe of ['a=1', ' =1', "'=1", '1-2', '(x)', '#1', '%x']) {
      const [, [cell]] = readBack(toCsv(['a', 'b'], [[safe, '']]))
      expect(cell).toBe(safe)
    }
    for (const { input, escaped_output } of guidance.owasp_examples) {
      expect(toCsv(['a'], [[input]])).toBe(`a\r\n${escaped_output}\r\n`)
    }
  })
})

describe('RFC 4180 output', () => {
  it('CRLF record ends, quotes doubled, optional UTF-8 BOM', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['say "hi"', 'x,y'],
        ['line\nbreak', 'ok'],
      ],
    )
    expect(csv).toBe('a,b\r\n"say ""hi""","x,y"\r\n"line\nbreak",ok\r\n')
    const withBom = toCsv(['a'], [['x']], { bom: true })
    expect(withBom.startsWith(UTF8_BOM)).toBe(true)
    expect([...Buffer.from(withBom, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('round-trips arbitrary text exactly, except the documented injection prefix', () => {
    const special = fc.constantFrom(
      '"',
      ',',
      '\n',
      '\r',
      '\r\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
      "'",
      ';',
      '🎉',
      '👩🏽‍💻',
      ' ',
      '\0',
    )
    const text = fc
      .array(fc.oneof(special, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.array(fc.array(text, { minLength: width, maxLength: width }), { maxLength: 6 }),
          ),
        fc.boolean(),
        (rows, bom) => {
          const columns = (rows[0] ?? ['x', 'y']).map((_, index) => `c${index}`)
          let csv = toCsv(columns, rows, { bom })
          if (bom) csv = csv.slice(1)
          const [header, ...body] = readBack(csv)
          expect(header).toEqual(columns)
          const expected = rows.map((row) =>
            row.map((cell) => (FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell)),
          )
          expect(body).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('writes byte for byte what PapaParse unparse (escapeFormulae) writes', () => {
    // The writer PapaParse was, kept as the reference the hand-written one must equal.
    const papaparse = (columns: string[], rows: string[][]) => {
      const body = Papa.unparse(
        { fields: columns, data: rows },
        { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_TRIGGER, header: true },
      )
      return body.endsWith('\r\n') ? body : body + '\r\n'
    }
    const special = fc.constantFrom(
      ' ',
      '"',
      ',',
      '\r',
      '\n',
      '\r\n',
      '\uFEFF',
      "'",
      '=',
      '-',
      '+',
      '@',
      '\t',
      '\0',
      'a',
    )
    const text = fc
      .array(fc.oneof(special, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), {
        maxLength: 6,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        // Two columns or more, no empty row: then no record is an empty line, which PapaParse
        // dropped at the end of a file (ours keeps it; our tables have many columns anyway).
        fc.array(text, { minLength: 2, maxLength: 4 }),
        fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (columns, rows) => {
          expect(toCsv(columns, rows)).toBe(papaparse(columns, rows))
        },
      ),
      { numRuns: 1_000 },
    )
  })
})
