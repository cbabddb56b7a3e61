import { Controller, Delete, Get, Param, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiErrors } from 'src/core/http/api-errors';
import { contentDisposition } from 'src/core/http/content-disposition';
import { Page, pageOfList, PageQuery } from 'src/core/http/pagination';
import { Roles } from 'src/modules/auth/auth.decorators';
import { ImportUploadInterceptor } from 'src/modules/imports/import-upload.interceptor';
import { UserRole } from 'src/modules/users/user-role.enum';
import { DocumentTemplateInfo, DocumentTemplatesService } from './document-templates.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('document-templates')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Roles(UserRole.Office, UserRole.Admin)
@Controller('document-templates')
export class DocumentTemplatesController {
  constructor(private readonly templates: DocumentTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'The document templates, their placeholders and whether the office replaced the default' })
  @ApiOkResponse({ description: '{ items: [{ name, label, fields, custom, updatedAt }], total, page, limit }' })
  @ApiErrors([400, 'Tham số không hợp lệ'])
  async list(@Query() query: PageQuery): Promise<Page<DocumentTemplateInfo>> {
    return pageOfList(await this.templates.list(), query);
  }

  @Get(':name/file')
  @ApiOperation({ summary: 'Download the template in use (.docx), to edit it in Word' })
  @ApiParam({ name: 'name', example: 'cong-van-don-doc' })
  @ApiProduces(DOCX)
  @ApiErrors([404, 'Không tìm thấy mẫu văn bản'])
  async file(@Param('name') name: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, custom } = await this.templates.load(name);
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Disposition', contentDisposition(`Mẫu ${name}${custom ? '' : ' (mặc định)'}.docx`));
    return new StreamableFile(file);
  }

  @Put(':name')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary: "Replace a template with the office's own .docx",
    description: 'Checked before it replaces the one in use: a .docx, only known placeholders ({field}, {#list}…{/list}), renders on sample data. Otherwise 400 naming the problem; nothing changes.',
  })
  @ApiParam({ name: 'name', example: 'cong-van-don-doc' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiErrors([400, 'Mẫu văn bản dùng trường không được hỗ trợ: {soHieu} không có trong danh sách trường của mẫu'], [404, 'Không tìm thấy mẫu văn bản'], 413)
  upload(@Param('name') name: string, @UploadedFile() file: Express.Multer.File | undefined): Promise<DocumentTemplateInfo> {
    return this.templates.upload(name, file?.buffer);
  }

  @Delete(':name')
  @ApiOperation({ summary: 'Go back to the shipped default template' })
  @ApiErrors([404, 'Không tìm thấy mẫu văn bản'])
  reset(@Param('name') name: string): Promise<DocumentTemplateInfo> {
    return this.templates.reset(name);
  }
}
