// The dossier format: schema, validation, merge and selection, shared by main, CLI and renderer.
export * from './schema';
export * from './validate';
export * from './merge';
export * from './select';
export { canonicalJson, sameRecord } from './canonical';
