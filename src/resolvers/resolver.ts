import Resolver from '@forge/resolver';

// Placeholder while the use cases are being written; replaced by the real definitions.
const definitions = new Resolver();
export const resolver = definitions.getDefinitions();
