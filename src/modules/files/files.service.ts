import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { MAX_ID } from 'src/core/http/validation';
import { DomainError } from 'src/core/http/domain-error';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { TaskHistoryService } from 'src/modules/tasks/task-history.service';
import { TaskRequestsService } from 'src/modules/tasks/task-requests.service';
import { actorOf, assertCanChange, canSeeRequests } from 'src/modules/tasks/task-access.policy';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { extensionOf, FILE_KINDS, fileNameProblem, sniffFile } from './file-sniff';
import { TaskFile, TaskFilePurpose } from './task-file.entity';

const FILE_NOT_FOUND = 'Không tìm thấy tệp';
const ACCEPTED = 'PDF, DOCX, XLSX hoặc ảnh PNG, JPEG, WEBP';

function badFile(message: string): DomainError {
  return new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Files of tasks: the result document and request evidence. A file is checked (name, content sniffed
 * against its extension) before it is moved from the upload's temporary place to
 * DATA_DIR/files/tasks/<taskId>/<random>.<ext>; it is read only by those who may read the task, and
 * each attachment is a row of the task's history.
 */
@Injectable()
export class FilesService {
  private readonly root: string;

  constructor(
    @InjectRepository(TaskFile) private readonly repo: Repository<TaskFile>,
    private readonly tasks: TasksService,
    private readonly requests: TaskRequestsService,
    private readonly history: TaskHistoryService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.root = config.get('files.dir', { infer: true });
  }

  async attach(
    taskId: number,
    upload: Express.Multer.File | undefined,
    dto: { purpose?: TaskFilePurpose; requestId?: number },
    user: AuthUser,
  ): Promise<TaskFile> {
    try {
      const task = await this.tasks.get(taskId, user);
      assertCanChange(task, user);
      if (!upload) throw badFile('Chưa chọn tệp để tải lên (trường “file”)');
      const purpose = dto.purpose ?? TaskFilePurpose.Result;
      let requestId: number | null = null;
      if (purpose === TaskFilePurpose.Evidence) {
        if (!dto.requestId)
          throw new DomainError('Tài liệu kèm đề nghị cần chọn đề nghị mà nó đi kèm', HttpStatus.BAD_REQUEST, [
            { field: 'requestId', message: 'requestId: bắt buộc với tài liệu kèm đề nghị' },
          ]);
        const { request } = await this.requests.get(dto.requestId, user);
        if (request.taskId !== taskId)
          throw new DomainError('Đề nghị không thuộc nhiệm vụ này', HttpStatus.BAD_REQUEST, [
            { field: 'requestId', message: 'requestId: đề nghị không thuộc nhiệm vụ này' },
          ]);
        requestId = request.id;
      } else if (dto.requestId) {
        throw new DomainError('Chỉ tài liệu kèm đề nghị mới gắn với một đề nghị', HttpStatus.BAD_REQUEST, [
          { field: 'requestId', message: 'requestId: chỉ dùng cho tài liệu kèm đề nghị' },
        ]);
      }
      const name = upload.originalname.normalize('NFC');
      const nameProblem = fileNameProblem(name);
      if (nameProblem) throw badFile(nameProblem);
      if (upload.size === 0) throw badFile('Tệp rỗng');
      const kind = await sniffFile(upload.path);
      if (!kind) throw badFile(`Chỉ nhận tệp ${ACCEPTED}; nội dung tệp "${name}" không thuộc loại nào trong số đó`);
      const ext = extensionOf(name);
      if (!(FILE_KINDS[kind].extensions as readonly string[]).includes(ext)) {
        throw badFile(`Nội dung tệp là ${kind.toUpperCase()}, không khớp phần mở rộng "${ext ? `.${ext}` : '(không có)'}" của tên tệp`);
      }
      const sha256 = await sha256Of(upload.path);
      const rel = join('tasks', String(taskId), `${randomUUID()}.${FILE_KINDS[kind].extensions[0]}`);
      const abs = join(this.root, rel);
      await mkdir(dirname(abs), { recursive: true });
      await rename(upload.path, abs);
      try {
        return await this.repo.manager.transaction(async (m) => {
          const row = await m.save(
            m.create(TaskFile, {
              taskId,
              requestId,
              purpose,
              fileName: name,
              path: rel,
              contentType: FILE_KINDS[kind].contentType,
              size: upload.size,
              sha256,
              uploadedById: user.id,
            }),
          );
          await this.history.record(m, actorOf(user), [
            {
              taskId,
              action: TaskHistoryAction.Attach,
              field: 'file',
              from: null,
              to: name,
              comment: purpose === TaskFilePurpose.Evidence ? `Tài liệu kèm đề nghị #${requestId}` : 'Văn bản kết quả',
            },
          ]);
          return row;
        });
      } catch (err) {
        await rm(abs, { force: true });
        throw err;
      }
    } finally {
      if (upload?.path) await rm(upload.path, { force: true });
    }
  }

  async list(taskId: number, user: AuthUser): Promise<TaskFile[]> {
    await this.tasks.get(taskId, user);
    return this.repo.find({ where: { taskId }, order: { id: 'ASC' } });
  }

  /** The file and where it lies, for a user who may read its task (404 otherwise, existence not revealed). */
  async open(id: number, user: AuthUser): Promise<{ file: TaskFile; absolutePath: string }> {
    const file = id >= 1 && id <= MAX_ID ? await this.repo.findOneBy({ id }) : null;
    if (!file) throw new NotFoundException(FILE_NOT_FOUND);
    try {
      await this.tasks.get(file.taskId, user);
    } catch {
      throw new NotFoundException(FILE_NOT_FOUND);
    }
    // Evidence of a request is for the lead agency and the office, not the coordinating agencies.
    if (file.purpose === TaskFilePurpose.Evidence && user.role === UserRole.Agency) {
      const task = await this.tasks.get(file.taskId, user);
      if (!canSeeRequests(task, user)) throw new NotFoundException(FILE_NOT_FOUND);
    }
    // Paths are the server's own (tasks/<id>/<uuid>.<ext>); anything else in the row is not served.
    if (!/^tasks\/\d+\/[0-9a-f-]{36}\.[a-z]{3,4}$/.test(file.path)) throw new NotFoundException(FILE_NOT_FOUND);
    return { file, absolutePath: join(this.root, file.path) };
  }
}
