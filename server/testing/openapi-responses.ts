import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { pointerSegment } from '../http/request-document';
import { openApiDocument } from '../openapi/openapi-document';

/**
 * Holds every API response a test receives to what `openapi.json` says of it: the status is one the
 * operation lists, and the body matches that response's schema. A response that breaks the document
 * fails the test that received it, whatever the test itself checks.
 */

const API = '/api/v2';
const DOCUMENT_ID = 'openapi.json';

interface Response {
  $ref?: string;
  content?: Record<string, { schema: unknown }>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { responses: Record<string, Response> };
}

const document = openApiDocument() as unknown as OpenApi;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(document, DOCUMENT_ID);

const mediaSegment = pointerSegment(JSON_API_MEDIA_TYPE);

/** "/phoneNumbers/{id}" matches "/phoneNumbers/12"; a path without a parameter matches only itself. */
function operationPath(path: string): string | undefined {
  if (Object.hasOwn(document.paths, path)) return path;
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

const validators = new Map<string, ValidateFunction>();

/** A validator of the schema at `pointer` in openapi.json ("/components/schemas/…"), compiled once. */
export function validatorAt(pointer: string): ValidateFunction {
  let validator = validators.get(pointer);
  if (validator === undefined) {
    validator = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
    validators.set(pointer, validator);
  }
  return validator;
}

/** What the document says of this answer, or a sentence saying why the answer breaks it. */
export function checkAgainstOpenApi(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string | undefined {
  const { pathname } = new URL(url, 'http://test.invalid');
  if (!pathname.startsWith(`${API}/`) && pathname !== API) return undefined;
  const path = pathname.slice(API.length) || '/';
  const verb = method.toLowerCase();
  if (path === '/openapi.json' || verb === 'options' || verb === 'head') return undefined;

  const template = operationPath(path);
  const operation = template === undefined ? undefined : document.paths[template]?.[verb];
  if (template === undefined || operation === undefined) {
    // No such operation: the answer is an error document, whatever its status.
    return validate('/components/schemas/errorDocument', method, url, status, body);
  }
  let response = operation.responses[String(status)];
  if (response === undefined) {
    return `${method} ${template} answered ${status}, which openapi.json does not list`;
  }
  let pointer = `/paths/${pointerSegment(template)}/${verb}/responses/${status}`;
  if (response.$ref !== undefined) {
    pointer = response.$ref.slice(1);
    response = document.components.responses[response.$ref.split('/').pop() ?? ''];
  }
  if (response?.content === undefined) {
    return body === undefined
      ? undefined
      : `${method} ${url} answered ${status} with a body openapi.json does not describe`;
  }
  if (contentType !== JSON_API_MEDIA_TYPE) {
    return `${method} ${url} answered ${status} as ${contentType ?? 'nothing'}, not ${JSON_API_MEDIA_TYPE}`;
  }
  return validate(`${pointer}/content/${mediaSegment}/schema`, method, url, status, body);
}

function validate(
  pointer: string,
  method: string,
  url: string,
  status: number,
  body: unknown,
): string | undefined {
  const validator = validatorAt(pointer);
  if (validator(body)) return undefined;
  return `${method} ${url} answered ${status} with a body openapi.json refuses: ${ajv.errorsText(validator.errors)}`;
}
