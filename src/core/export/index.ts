/** core/export: datasets out of the app (claims.csv). Pure: the caller reads and writes files. */
export * from './csv-cells'
export * from './claims-csv'
