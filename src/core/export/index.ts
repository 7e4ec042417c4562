/**
 * core/export: datasets out of the app (claims.csv, links.csv, clusters.csv, matrix.csv) and a
 * picture of the corroboration matrix (matrix.svg). Pure: the caller reads and writes files.
 * Every CSV goes through one writer (csv-cells.ts).
 */
export * from './csv-cells'
export * from './claims-csv'
export * from './links-csv'
export * from './clusters-csv'
export * from './matrix-table'
export * from './matrix-csv'
export * from './matrix-svg'
export {
  escapeXml,
  estimatedTextWidth,
  plural,
  svgOpening,
  truncateLabel,
  type SvgOpening,
} from './svg-text'
export * from './dataset'
export * from './placed-claims'
export * from './w3c-annotations'
export * from './brat-standoff'
export * from './jsonl'
export * from './claim-review'
export * from './dataset-import'
export * from './resolve-import'
export * from './w3c-import'
export * from './brat-import'
export * from './label-studio-import'
export * from './dataset-formats'
export * from './jsonl-import'
