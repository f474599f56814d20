import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { malformedBody, unsupportedMediaType } from './errors';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { requestHeader } from './route-helpers';

export function documentResponse(
  c: Context<AppEnv>,
  document: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(status === 204 ? null : JSON.stringify(document), {
    status,
    headers: {
      ...c.var.responseHeaders,
      'Content-Type': JSON_API_MEDIA_TYPE,
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/** JSON:API 1.0: the media type without parameters, or 415. */
function hasJsonApiMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...parameters] = contentType.split(';');
  return (
    type?.trim().toLowerCase() === JSON_API_MEDIA_TYPE &&
    parameters.every((parameter) => parameter.trim() === '')
  );
}

/** Reads a request document: 415 for another media type, 400 when it is not JSON. */
export async function readDocument(c: Context<AppEnv>): Promise<unknown> {
  if (!hasJsonApiMediaType(requestHeader(c, 'Content-Type'))) throw unsupportedMediaType();
  const text = await c.req.text();
  if (text.trim() === '')
    throw malformedBody('The request body is empty; send a JSON:API document.');
  // PostgreSQL's text cannot hold U+0000, and SQLite's would keep it invisibly: no value here has one.
  if (text.includes('\0') || /(?<!\\)(?:\\\\)*\\u0000/i.test(text))
    throw malformedBody(
      'The request body holds a NUL character (U+0000), which no value can hold.',
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw malformedBody(`The request body is not valid JSON (${reason}).`);
  }
}
