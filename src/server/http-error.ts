/** An error the API answers with its status and message (the error handler in app.ts sends it). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Someone else's record answers exactly like a missing one, so ids are never confirmed. */
export const notFound = (what = 'That attempt') => new HttpError(404, `${what} was not found.`);
export const forbidden = () => new HttpError(403, 'Your role cannot do that.');
export const unauthenticated = () => new HttpError(401, 'Sign in first.');
