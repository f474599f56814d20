/** The part of Web Storage the session uses. */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The tab's sessionStorage; a map in memory where the browser refuses it, as it does to a frame on
 * another site when third-party storage is blocked. A session kept in memory ends with the page.
 */
export function tabStorage(): TabStorage {
  try {
    // Reading the property is what throws (a SecurityError) when storage is denied.
    return window.sessionStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => {
        memory.set(key, value);
      },
      removeItem: (key) => {
        memory.delete(key);
      },
    };
  }
}
