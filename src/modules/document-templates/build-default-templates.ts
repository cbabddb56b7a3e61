import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCongVanTemplateFile } from 'src/modules/reminders/templates/cong-van-don-doc.template';
import { buildAppendixTemplateFile } from 'src/modules/reports/renderers/appendix-docx.template';
import { defaultTemplatePath } from './document-templates.service';

/** The shipped default templates, built from their layout code (npm run templates:build). */
export const DEFAULT_TEMPLATES: Record<string, () => Promise<Buffer>> = {
  'cong-van-don-doc': buildCongVanTemplateFile,
  'phu-luc-bao-cao': buildAppendixTemplateFile,
};

async function main(): Promise<void> {
  for (const [name, build] of Object.entries(DEFAULT_TEMPLATES)) {
    const path = defaultTemplatePath(name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await build());
    console.log(`wrote ${path}`);
  }
}

if (require.main === module) void main();
