import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { createReadStream } from 'node:fs';
import { ApiErrors } from 'src/core/http/api-errors';
import { pageOfList, PageQuery } from 'src/core/http/pagination';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { TaskFilePageDto, TaskFileResponseDto, toTaskFileResponse, UploadTaskFileDto } from './dto/task-file.dto';
import { FileUploadInterceptor } from './file-upload.interceptor';
import { FilesService } from './files.service';

const ALL_ROLES = [UserRole.Admin, UserRole.Office, UserRole.Leader, UserRole.Agency];

/** "Quyết định số 1.pdf" → an ASCII fallback name and the RFC 5987 UTF-8 one. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@ApiTags('files')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('tasks/:id/files')
  @Roles(UserRole.Office, UserRole.Admin, UserRole.Agency)
  @UseInterceptors(FileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadTaskFileDto })
  @ApiParam({ name: 'id', example: 42 })
  @ApiOperation({
    summary: 'Đính kèm tệp vào nhiệm vụ (lead agency, office)',
    description:
      'The result document or evidence of a request. PDF, DOCX, XLSX, PNG, JPEG, WEBP; the type is sniffed from the content and must match the extension; ' +
      'at most UPLOAD_LIMIT_MB (413); names with a path or control characters are refused (400). Recorded in the task history.',
  })
  @ApiCreatedResponse({ type: TaskFileResponseDto })
  @ApiErrors(400, 403, [404, 'Không tìm thấy nhiệm vụ'], [413, 'Tệp vượt quá dung lượng cho phép 10 MB'])
  async upload(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UploadTaskFileDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskFileResponseDto> {
    return toTaskFileResponse(await this.files.attach(id, file, dto, user));
  }

  @Get('tasks/:id/files')
  @Roles(...ALL_ROLES)
  @ApiParam({ name: 'id', example: 42 })
  @ApiOperation({ summary: 'Tệp của nhiệm vụ' })
  @ApiOkResponse({ type: TaskFilePageDto })
  @ApiErrors([400, 'Tham số không hợp lệ'], [404, 'Không tìm thấy nhiệm vụ'])
  async list(@Param('id', ParseIdPipe) id: number, @Query() query: PageQuery, @CurrentUser() user: AuthUser): Promise<TaskFilePageDto> {
    return pageOfList((await this.files.list(id, user)).map(toTaskFileResponse), query);
  }

  @Get('files/:id')
  @Roles(...ALL_ROLES)
  @ApiParam({ name: 'id', example: 3 })
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Tải tệp', description: 'Only for users who may read its task (404 otherwise).' })
  @ApiErrors([404, 'Không tìm thấy tệp'])
  async download(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, absolutePath } = await this.files.open(id, user);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(createReadStream(absolutePath), {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
      length: file.size,
    });
  }
}
