/** A small corroboration matrix for the matrix.csv and matrix.svg tests, hostile text included. */
import type { ExportMatrix, ExportMatrixRow } from '../../../../src/core/export'
import type { MatrixCell } from '../../../../src/core/linking'

export const HOSTILE_WORDING = '=HYPERLINK("http://x.example","<script>alert(1)</script>") & more'

export function row(
  clusterId: string,
  canonicalWording: string,
  cells: MatrixCell[],
  annotator = 'alice',
): ExportMatrixRow {
  const count = (value: MatrixCell) => cells.filter((cell) => cell === value).length
  return {
    clusterId,
    canonicalWording,
    cells,
    sources: count('mention'),
    supports: count('supports'),
    contradicts: count('contradicts'),
    annotator,
  }
}

export const MATRIX: ExportMatrix = {
  columns: [
    {
      documentId: 'a'.repeat(64),
      outlet: 'Northstar Monitor',
      published: '2026-02-26',
      path: 'web/n.html',
    },
    { documentId: 'b'.repeat(64), outlet: '=cmd|"/c calc"!A1', path: 'wire/m.txt' },
    { documentId: 'c'.repeat(64), title: 'Evening <b>Ledger</b>', path: 'web/e.html' },
    { documentId: 'd'.repeat(64), path: 'notes/untitled.md' },
  ],
  rows: [
    row('c1', HOSTILE_WORDING, ['mention', 'contradicts', 'absent', 'supports']),
    row('c2', 'About 13,000 containers,\nsince mid-2022', [
      'absent',
      'mention',
      'mention',
      'absent',
    ]),
    row('c3', 'x'.repeat(200) + ' 🎉🎉🎉', ['absent', 'absent', 'absent', 'mention'], 'bob'),
  ],
}
