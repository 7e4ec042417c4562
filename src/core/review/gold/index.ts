/**
 * Adjudication: unit identity (unit-key.ts), reviewers' decisions (decisions.ts) and the gold
 * file built from them (build-gold.ts). Pure.
 */
export * from './unit-key'
export * from './decisions'
export * from './build-gold'
