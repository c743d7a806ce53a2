import { Migration20261128000000_foundation } from './Migration20261128000000_foundation.js';

/** Every migration in order; new ones are appended. */
export const migrations = [
  { name: 'Migration20261128000000_foundation', class: Migration20261128000000_foundation },
];
