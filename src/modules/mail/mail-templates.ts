import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';

export interface RenderedBody {
  html: string;
  text: string;
}

/**
 * Mail bodies are Handlebars files under templates/mail/ (the office can read and replace them):
 * `<name>.html.hbs` (auto-escaped; wrapped in the responsive `layout` partial) and `<name>.text.hbs`
 * (the plain-text part, not escaped). Compiled once per process.
 */
export const MAIL_TEMPLATE_DIR = join(projectRoot(), 'templates', 'mail');

const engine = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();
let partialsLoaded = false;

function loadPartials(): void {
  if (partialsLoaded) return;
  for (const file of readdirSync(MAIL_TEMPLATE_DIR)) {
    const m = /^_(.+)\.hbs$/.exec(file);
    if (m) engine.registerPartial(m[1], readFileSync(join(MAIL_TEMPLATE_DIR, file), 'utf8'));
  }
  engine.registerHelper('inc', (n: number) => Number(n) + 1);
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  partialsLoaded = true;
}

function template(file: string, text: boolean): HandlebarsTemplateDelegate {
  loadPartials();
  let t = compiled.get(file);
  if (!t) {
    t = engine.compile(readFileSync(join(MAIL_TEMPLATE_DIR, file), 'utf8'), { noEscape: text, strict: true });
    compiled.set(file, t);
  }
  return t;
}

/** Renders both parts of mail `name` with `data` (every value the templates name must be present). */
export function renderMailTemplate(name: string, data: object): RenderedBody {
  return {
    html: template(`${name}.html.hbs`, false)(data),
    text: template(`${name}.text.hbs`, true)(data).replace(/\n{3,}/g, '\n\n').trim() + '\n',
  };
}
