import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from 'src/core/config/configuration';
import { projectRoot } from 'src/core/config/project-root';
import { DomainError } from 'src/core/http/domain-error';
import { checkTemplate, renderTemplate, TemplateError, TemplateFields } from './docx-template';

/** A document the office may reword: its placeholders, sample data to try an upload on, its default. */
export interface DocumentTemplateDef {
  /** 'cong-van-don-doc'. */
  name: string;
  /** 'Công văn đôn đốc thực hiện nhiệm vụ quá hạn'. */
  label: string;
  fields: TemplateFields;
  sample: Record<string, unknown>;
}

export interface DocumentTemplateInfo {
  name: string;
  label: string;
  fields: TemplateFields;
  /** True when the office's own upload replaces the default. */
  custom: boolean;
  updatedAt: string | null;
}

/** Where the shipped defaults live: templates/docx/<name>.docx (npm run templates:build writes them). */
export function defaultTemplatePath(name: string): string {
  return join(projectRoot(), 'templates', 'docx', `${name}.docx`);
}

/**
 * The .docx templates of the official documents. Feature modules register their documents; the
 * office's upload (checked first: known placeholders, renders on sample data) is kept under
 * FILES_DIR/templates and replaces the shipped default until it is removed.
 */
@Injectable()
export class DocumentTemplatesService {
  private readonly defs = new Map<string, DocumentTemplateDef>();
  private readonly dir: string;

  constructor(config: ConfigService<AppConfig, true>) {
    this.dir = join(config.get('files.dir', { infer: true }), 'templates');
  }

  register(def: DocumentTemplateDef): void {
    this.defs.set(def.name, def);
  }

  private def(name: string): DocumentTemplateDef {
    const def = this.defs.get(name);
    if (!def) throw new NotFoundException('Không tìm thấy mẫu văn bản');
    return def;
  }

  private customPath(name: string): string {
    return join(this.dir, `${name}.docx`);
  }

  async list(): Promise<DocumentTemplateInfo[]> {
    return Promise.all([...this.defs.values()].map((d) => this.info(d.name)));
  }

  async info(name: string): Promise<DocumentTemplateInfo> {
    const def = this.def(name);
    const custom = await stat(this.customPath(name)).catch(() => null);
    return { name, label: def.label, fields: def.fields, custom: !!custom, updatedAt: custom ? custom.mtime.toISOString() : null };
  }

  /** The template in use: the office's upload, or the shipped default. */
  async load(name: string): Promise<{ file: Buffer; custom: boolean }> {
    this.def(name);
    const custom = await readFile(this.customPath(name)).catch(() => null);
    return custom ? { file: custom, custom: true } : { file: await readFile(defaultTemplatePath(name)), custom: false };
  }

  async render(name: string, data: Record<string, unknown>): Promise<Buffer> {
    return renderTemplate((await this.load(name)).file, data);
  }

  /** Checks `file` and, only when it passes, makes it the template in use (written whole, then renamed). */
  async upload(name: string, file: Buffer | undefined): Promise<DocumentTemplateInfo> {
    const def = this.def(name);
    if (!file?.length) {
      throw new DomainError('Chưa chọn tệp mẫu văn bản (.docx)', HttpStatus.BAD_REQUEST, [{ field: 'file', message: 'file: bắt buộc' }]);
    }
    try {
      checkTemplate(file, def.fields, def.sample);
    } catch (e) {
      if (e instanceof TemplateError) throw new DomainError(e.message, HttpStatus.BAD_REQUEST, e.problems);
      throw e;
    }
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.customPath(name)}.${process.pid}.tmp`;
    await writeFile(tmp, file);
    await rename(tmp, this.customPath(name));
    return this.info(name);
  }

  /** Back to the shipped default. */
  async reset(name: string): Promise<DocumentTemplateInfo> {
    this.def(name);
    await unlink(this.customPath(name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    return this.info(name);
  }
}
