/** Agreement measures of review: each written from its publication and tested on its examples. */
export * from './coding-alpha'
export * from './cohen-kappa'
export * from './fleiss-kappa'
export * from './unitizing-alpha'
export * from './coreference'
