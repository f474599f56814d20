import type { Context } from 'hono';

/** The string fields of a form post; undefined when the body cannot be read as a form. */
export async function formFields(c: Context): Promise<Record<string, string> | undefined> {
  try {
    const form = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(form).flatMap(([name, value]) =>
        typeof value === 'string' ? [[name, value]] : [],
      ),
    );
  } catch {
    return undefined;
  }
}
