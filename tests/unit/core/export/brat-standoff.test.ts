import { describe, expect, it } from 'vitest'
import { bratExport, escapeBratNote, unescapeBratNote } from '../../../../src/core/export'
import { codePointSlice, fixture } from './dataset-fixture'

function exported() {
  const f = fixture()
  const result = bratExport(f.input)
  const file = (path: string) => result.files.find((candidate) => candidate.path === path)!.text
  return { f, result, file }
}

describe('brat standoff export', () => {
  it('writes each article as its canonical text and an .ann file, with annotation.conf and visual.conf', () => {
    const { f, result, file } = exported()
    expect(result.files.map((candidate) => candidate.path).sort()).toEqual([
      'annotation.conf',
      'daily.ann',
      'daily.txt',
      'news/wire.ann',
      'news/wire.txt',
      'visual.conf',
    ])
    expect(file('news/wire.txt')).toBe(f.wire.text)
    const conf = file('annotation.conf')
    expect(conf).toMatch(/\[entities\]\nclaim\nfigure\nattribution\nevent\ndenial\n/)
    expect(conf).toContain('supports\tArg1:<ENTITY>, Arg2:<ENTITY>\n')
    expect(conf).toContain('same\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric\n')
    expect(conf).toContain('Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive')
    expect(conf).toContain('Status\tArg:<ENTITY>, Value:asserted|alleged|denied|confirmed')
    expect(file('visual.conf')).toContain('figure\tbgColor:#ff7f0e')
  })

  it('counts T offsets in code points of the .txt, a passage over a line end as fragments', () => {
    const { file } = exported()
    for (const stem of ['news/wire', 'daily']) {
      const txt = file(`${stem}.txt`)
      const tLines = file(`${stem}.ann`)
        .split('\n')
        .filter((line) => line.startsWith('T'))
      expect(tLines.length).toBeGreaterThan(0)
      for (const line of tLines) {
        const [, typeAndSpans, passage] = line.split('\t') as [string, string, string]
        const spans = typeAndSpans.split(' ').slice(1).join(' ').split(';')
        const texts = spans.map((span) => {
          const [start, end] = span.split(' ').map(Number) as [number, number]
          return codePointSlice(txt, start, end)
        })
        expect(texts.join(' ')).toBe(passage)
      }
    }
    // Crowds(7) 🎉🎉(2) ' cheered in Rajin '(18) 🚢(1) ' as '(4) 13,000 containers arrived, (27) Ta̱ha (6)
    expect(file('news/wire.ann')).toContain('\tevent 65 75;77 89\tPark said. The ministry\n')
  })

  it('writes attributes, escaped notes, relations and Equiv', () => {
    const { file } = exported()
    const ann = file('news/wire.ann')
    expect(ann).toContain('T1\tfigure 32 57\t13,000 containers arrived\n')
    expect(ann).toContain('A1\tStatus T1 alleged\nA2\tCertainty T1 high\n')
    expect(ann).toContain(
      '#1\tAnnotatorNotes T1\tPort figures;\\nsecond line\\twith a tab \\\\ and a backslash\n',
    )
    expect(ann).toContain('\tAttributedTo T1\tTa\u0331ha Park\n')
    expect(ann).toContain('\tTags T1\tport; rating:Mostly true\n')
    // contradicts (with confidence and note), same with a note as an R line, supports.
    expect(ann).toMatch(
      /R1\tcontradicts Arg1:T4 Arg2:T1\nA\d+\tConfidence R1 medium\n#\d+\tAnnotatorNotes R1\tShells, not containers\n/,
    )
    expect(ann).toMatch(/R2\tsame Arg1:T2 Arg2:T3\n/)
    expect(ann).toMatch(/R3\tsupports Arg1:T2 Arg2:T1\n/)
  })

  it('reports what brat cannot hold: links across articles and to outside sources', () => {
    const { f, result } = exported()
    expect(result.problems.map((problem) => problem.item).sort()).toEqual(
      [f.links[0]!.id, f.links[3]!.id].sort(),
    )
    expect(result.problems.find((problem) => problem.item === f.links[0]!.id)!.message).toContain(
      'joins claims of news/wire.txt and daily.txt',
    )
    expect(result.links).toBe(f.links.length - 2)
    expect(result.claims).toBe(f.claims.length)
  })

  it('writes a plain "same" link as Equiv, and several annotators in folders of their own', () => {
    const f = fixture()
    const bob = f.claims.slice(4).map((claim) => ({ ...claim, annotator: 'bob' }))
    const sameLink = {
      ...f.links[0]!,
      from: bob[0]!.id,
      to: { kind: 'claim' as const, claimId: bob[1]!.id },
      annotator: 'bob',
    }
    const result = bratExport({
      ...f.input,
      files: [
        f.input.files[0]!,
        { annotator: 'bob', claims: bob, links: [sameLink], clusters: [] },
      ],
    })
    const paths = result.files.map((file) => file.path)
    expect(paths).toContain('alice/news/wire.ann')
    expect(paths).toContain('bob/daily.ann')
    expect(result.files.find((file) => file.path === 'bob/daily.ann')!.text).toContain(
      '*\tEquiv T1 T2\n',
    )
  })

  it('escapes notes so that any text survives one line', () => {
    for (const text of ['a\\nb', 'tab\there', 'line\r\nend\\', '\\\\n']) {
      expect(escapeBratNote(text)).not.toMatch(/[\t\r\n]/)
      expect(unescapeBratNote(escapeBratNote(text))).toBe(text)
    }
  })
})
