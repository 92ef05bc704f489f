// Every schema imports zod through here: jitless must be set before any schema is built, or zod probes
// `new Function` and the browser reports a Content-Security-Policy violation on every page.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
