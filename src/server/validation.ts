// Fastify validates each route's body, query and params with the route's zod schema (the same
// schema library the app uses for packs and imports), through Fastify's validator-compiler hook.
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';

export function useZodValidation(app: FastifyInstance): void {
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
export function schema(parts: {
  body?: z.ZodType;
  querystring?: z.ZodType;
  params?: z.ZodType;
}): FastifySchema {
  return parts as FastifySchema;
}
