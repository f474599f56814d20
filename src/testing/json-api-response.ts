import { HttpResponse, type JsonBodyType } from 'msw';
import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import type { ApiErrorObject } from '@/lib/api-error';

/** A JSON:API answer, as the API sends it. */
export function jsonApiResponse(body: JsonBodyType, status = 200) {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': JSON_API_MEDIA_TYPE } });
}

/** A JSON:API error document with one error. */
export function errorResponse(status: number, error: ApiErrorObject) {
  return jsonApiResponse({ errors: [{ status: String(status), ...error }] }, status);
}
