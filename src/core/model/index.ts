/**
 * core/model: claims, label sets, the annotation file and its versions. Pure: no I/O.
 *
 * claim.ts (the claim and its fields), labels.ts (label sets, the default set), link.ts (links
 * between claims, cluster wordings), relations.ts (relation types, the default set), annotator.ts
 * (annotator names = file names), annotation-file.ts (the v2 file), migrations.ts (reading any
 * known version, refusing newer ones), project-settings.ts (corroborate.json), merge.ts (two
 * copies of one file), ids.ts (UUIDv7, monotonic timestamps), json-schema.ts.
 */
export * from './claim'
export * from './labels'
export * from './relations'
export * from './link'
export * from './annotator'
export * from './annotation-file'
export * from './annotation-file-text'
export * from './migrations'
export * from './project-settings'
export * from './settings-merge'
export * from './document-corrections'
export * from './merge'
export * from './provenance'
export * from './three-way'
export * from './ids'
export * from './json-schema'
