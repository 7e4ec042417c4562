/**
 * Review: colleagues' claims aligned into units per document (align.ts), and agreement measured
 * on spans, fields and links over them (unit-agreement.ts, link-agreement.ts) with the
 * coefficients of agreement/. Pure: the backend reads the files and hands the claims in.
 */
export * from './agreement'
export * from './align'
export * from './link-agreement'
export * from './unit-agreement'
export * from './report'
export * from './queue'
export * from './diff'
export * from './pair-measures'
export * from './agreement-svg'
export * from './gold'
