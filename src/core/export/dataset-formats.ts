/** The dataset exporters by format name, as the contract and the CLI name them. */
import { bratExport } from './brat-standoff'
import { claimReviewExport } from './claim-review'
import type { DatasetExport, DatasetInput } from './dataset'
import { jsonlExport } from './jsonl'
import { w3cExport } from './w3c-annotations'

export type DatasetFormat = 'w3c' | 'brat' | 'jsonl' | 'claimreview'

const EXPORTERS: Record<DatasetFormat, (input: DatasetInput) => DatasetExport> = {
  w3c: w3cExport,
  brat: bratExport,
  jsonl: jsonlExport,
  claimreview: claimReviewExport,
}

export function buildDataset(format: DatasetFormat, input: DatasetInput): DatasetExport {
  return EXPORTERS[format](input)
}
