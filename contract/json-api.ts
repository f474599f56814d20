/** The JSON:API media type: what the API answers with, and what a write must be sent as. */
export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';
