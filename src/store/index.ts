export { createStores } from './create-stores';
