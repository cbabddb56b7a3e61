// @ts-check
// A tiny history router: patterns like '/app/tasks/:id', links intercepted, Back/Forward handled.
// A view is `render(ctx)` drawing into ctx.main; it may return a cleanup function (timers).

/**
 * What a view's render() gets: where to draw, the path's :params and the query string (main.js adds `user`).
 * @typedef {{ main: HTMLElement, params: Record<string, string>, query: URLSearchParams, path: string }} RouteContext
 */
/** A view's render() may answer a cleanup function (timers), called before the next page draws. @typedef {(() => void) | null | undefined | void} Cleanup */
/**
 * @template {{ path: string }} R
 * @typedef {{ resolve: (route: R & { re: RegExp, keys: string[] }, ctx: RouteContext) => Promise<Cleanup> | Cleanup,
 *   notFound: (ctx: RouteContext) => Promise<Cleanup> | Cleanup }} Hooks
 */

/** @type {Array<any>} */
let routes = [];
/** @type {Hooks<any>} */
let hooks = { resolve: () => null, notFound: () => null };
/** @type {Cleanup} */
let cleanup = null;
let first = true;
let seq = 0;
/** pathname + search of the page on screen (a change of #hash alone is not a new page). @type {string | null} */
let rendered = null;

/** @param {string} pattern */
function compile(pattern) {
  /** @type {string[]} */
  const keys = [];
  const re = new RegExp(
    '^' +
      pattern.replace(/\/+$/, '').replace(/:(\w+)/g, (_, k) => {
        keys.push(k);
        return '([^/]+)';
      }) +
      '/?$',
  );
  return { re, keys };
}

/** @template {{ path: string }} R @param {R[]} list @param {Hooks<R>} opts */
export function defineRoutes(list, opts) {
  routes = list.map((r) => ({ ...r, ...compile(r.path) }));
  hooks = { ...hooks, ...opts };
}

/** @param {string} to @param {{ replace?: boolean }} [options] @returns {Promise<void>} */
export function navigate(to, { replace = false } = {}) {
  const url = new URL(to, location.origin);
  const target = url.pathname + url.search + url.hash;
  if (target !== location.pathname + location.search + location.hash) {
    if (replace) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
  }
  // A redirect (replace) keeps the focus where the page put it (the sign-in form's email).
  return render({ focus: !replace });
}

/** Re-renders the current page (after a change, or "Tải lại"). */
export function reload() {
  return render({ keepFocus: true });
}

/** @param {{ keepFocus?: boolean, focus?: boolean }} [options] */
async function render({ keepFocus = false, focus = true } = {}) {
  const mine = ++seq;
  const isFirst = first;
  first = false;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const path = location.pathname;
  rendered = location.pathname + location.search;
  let match = null;
  for (const r of routes) {
    const m = r.re.exec(path);
    if (m) {
      match = { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
      break;
    }
  }
  // Each page draws into its own container: a view still loading when the user moves on (or the
  // session ends) writes into a detached element instead of over the next page.
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const view = document.createElement('div');
  view.className = 'view';
  main.replaceChildren(view);
  const ctx = { main: view, params: match?.params ?? {}, query: new URLSearchParams(location.search), path };
  const result = match ? await hooks.resolve(match.route, ctx) : await hooks.notFound(ctx);
  if (typeof result === 'function') {
    if (mine === seq) cleanup = result;
    else result();
  }
  // After a navigation the heading takes the focus, so screen readers announce the new page
  // (not on the first load, not after a redirect, not when a newer render took over).
  if (mine === seq && !isFirst && focus && !keepFocus) {
    const heading = /** @type {HTMLElement | null} */ (main.querySelector('h1'));
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else main.focus();
  }
}

export function startRouter() {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a || a.getAttribute('target') || a.hasAttribute('download')) return;
    // The attribute, not a.href: an SVG <a> (the dashboard's trend bars) has no string href property.
    const url = new URL(a.getAttribute('href') ?? '', location.href);
    if (url.origin !== location.origin || !(url.pathname === '/' || url.pathname.startsWith('/app/'))) return;
    // In-page anchors (the skip link) are the browser's.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    e.preventDefault();
    void navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== rendered) void render();
  });
  return render();
}
