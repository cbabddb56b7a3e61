/**
 * A value made at its first use, then kept. For the libraries only some requests or only the worker
 * need (document renderers, zip readers): every process loads every feature module's files, so a
 * top-level import of such a library sits in the API's memory from start to end (docs/architecture.md
 * "Memory"). Where the caller is async, `await import('lib')` at the use does the same; this is for
 * synchronous paths, which load the library with `require` inside `make`.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
