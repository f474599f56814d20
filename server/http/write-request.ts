import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env';
import { MAX_BODY_BYTES } from './body-limit';
import { payloadTooLarge } from './errors';
import { readDocument } from './json-api';
import { readResourceObject, type ResourceObject } from './request-document';

/** A write's body: 413 above MAX_BODY_BYTES, before it is read in full. */
export const limitRequestBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw payloadTooLarge();
  },
});

/** The one resource object of `type` a write's document holds (see `readResourceObject`). */
export async function readRequestResource(
  c: Context<AppEnv>,
  type: string,
  expectedId: number | undefined,
): Promise<ResourceObject> {
  return readResourceObject(await readDocument(c), type, expectedId);
}
