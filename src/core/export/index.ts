/**
 * core/export: datasets out of the app (claims.csv, links.csv, clusters.csv). Pure: the caller
 * reads and writes files. All three go through one CSV writer (csv-cells.ts).
 */
export * from './csv-cells'
export * from './claims-csv'
export * from './links-csv'
export * from './clusters-csv'
