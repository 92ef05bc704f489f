// Fastify validates each route's body, query and params with the route's zod schema (the same
// schema library the app uses for packs and imports), through Fastify's validator-compiler hook.
import type {
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteHandlerMethod,
} from 'fastify';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/** PostgreSQL's text and jsonb cannot hold U+0000 (NUL), so a request carrying one would fail there. */
const NUL = '\u0000';

/** Whether any string (or key) in a parsed body, query or file holds NUL. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => k.includes(NUL) || holdsNul(v));
  return false;
}

export function useZodValidation(app: FastifyInstance): void {
  // Refused whole and said, before any route runs: the browser's outbox shows it and does not retry.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.body) || holdsNul(request.query) || holdsNul(request.params))
      throw new HttpError(
        400,
        'Text with the character U+0000 (NUL) cannot be stored: remove it and send again.',
      );
  });
  app.setValidatorCompiler(({ schema }) => {
    const zodSchema = schema as unknown as z.ZodType;
    return (data: unknown) => {
      const result = zodSchema.safeParse(data);
      if (result.success) return { value: result.data };
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { error: new Error(`${where}${issue?.message ?? 'is not valid'}`) };
    };
  });
}

/** A route schema made of zod schemas (typed loosely: Fastify's own types expect JSON Schema). */
function schema(parts: { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType }): FastifySchema {
  return parts as FastifySchema;
}

/**
 * A route's options and handler, its params, query and body checked by zod schemas before the handler
 * runs and typed for the handler by the same schemas: `app.put(url, validated({ params, body }, handler))`.
 */
export function validated<Params = unknown, Querystring = unknown, Body = unknown>(
  parts: { params?: z.ZodType<Params>; querystring?: z.ZodType<Querystring>; body?: z.ZodType<Body> },
  handler: RouteHandlerMethod<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    { Params: Params; Querystring: Querystring; Body: Body }
  >,
) {
  return { schema: schema(parts), handler };
}
