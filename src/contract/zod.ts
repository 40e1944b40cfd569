import { z } from 'zod';

/**
 * zod as the contract uses it, in the browser and in the Forge function alike. Forge's Custom UI
 * CSP forbids eval (no 'unsafe-eval'), and zod 4 decides while building each object schema whether
 * to compile a parser with `new Function`; merely probing raises a CSP violation. So every schema
 * is built after this switch (import `z` from here, not from 'zod'): one payload or envelope per
 * call needs no compiled parser.
 */
z.config({ jitless: true });

export { z };
