/** A KVS key was about to be built from something that is not a trusted, well-formed id. */
export class InvalidStoreKeyError extends Error {
  constructor(params: { part: string; value: string }) {
    super(`Refusing to build a storage key from an invalid ${params.part}: ${JSON.stringify(params.value.slice(0, 60))}`);
    this.name = 'InvalidStoreKeyError';
  }
}
