/**
 * What review could not compare, said beside the figures: files that cannot be read, and claims
 * on documents that are not in the project or cannot be placed in their current text.
 */
import type { AgreementResult } from '../../shared/api'

interface LeftOutProps {
  problems: AgreementResult['problems']
  leftOut: AgreementResult['leftOut']
  nameOf(annotator: string): string
}

export function LeftOut({ problems, leftOut, nameOf }: LeftOutProps) {
  if (problems.length === 0 && leftOut.length === 0) return null
  return (
    <ul className="review-problems" data-testid="review-problems">
      {problems.map((problem) => (
        <li key={problem.file}>{problem.message}</li>
      ))}
      {leftOut.map((entry) => (
        <li key={`${entry.annotator}\u0000${entry.path}\u0000${entry.reason}`}>
          {nameOf(entry.annotator)}: {entry.claims} {entry.claims === 1 ? 'claim' : 'claims'} on{' '}
          {entry.path}{' '}
          {entry.reason === 'not-in-project'
            ? 'left out: the document is not in the project'
            : 'left out: not found in the current text'}
        </li>
      ))}
    </ul>
  )
}
