// Types the web modules share. API results come from api.d.ts, generated from the OpenAPI document
// (`npm run web:types`); this file only names them and adds what the browser keeps of its own.
// Used from JSDoc: /** @typedef {import('../types/web').Schemas['TaskResponseDto']} Task */
import type { components } from './api';

/** Every schema of the OpenAPI document, by name (the DTO class names of src/). */
export type Schemas = components['schemas'];

/** The signed-in user as the tab keeps it: the API's user, plus the agency's name and code read once (main.js). */
export type User = Schemas['UserResponseDto'] & { agencyName?: string; agencyCode?: string };

/** What a view's render() gets (router.js draws into `main`; main.js adds the signed-in user). */
export interface ViewContext {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
  user: User;
}

/** The sign-in page's context: nobody is signed in yet. */
export type PublicViewContext = Omit<ViewContext, 'user'> & { user: null };

/** What h() accepts as a child: nodes, text (numbers too), nothing (null, undefined, booleans) and nested lists. */
export type Child = Node | string | number | boolean | null | undefined | Child[];

declare global {
  // form.elements.<name>: the views read their own named controls (input, select, textarea, radio list).
  interface HTMLFormControlsCollection {
    [name: string]: any;
  }
}

declare global {
  // querySelector('input[name=x]') and querySelector('button…') type their element from the selector's start,
  // as querySelector('input') does for a bare tag name.
  interface ParentNode {
    querySelector(selectors: `input${string}`): HTMLInputElement | null;
    querySelector(selectors: `button${string}`): HTMLButtonElement | null;
    querySelector(selectors: `select${string}`): HTMLSelectElement | null;
    querySelectorAll(selectors: `input${string}`): NodeListOf<HTMLInputElement>;
  }
}
