import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { FileUploadInterceptor } from './file-upload.interceptor';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { TaskFile } from './task-file.entity';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const FILES_ENTITIES = [TaskFile];

/** Files of tasks (task_files): result documents and request evidence, under DATA_DIR/files/tasks. */
@Module({
  imports: [TypeOrmModule.forFeature(FILES_ENTITIES), TasksModule],
  controllers: [FilesController],
  providers: [FilesService, FileUploadInterceptor],
  exports: [FilesService],
})
export class FilesModule {}
