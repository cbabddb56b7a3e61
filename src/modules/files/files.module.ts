import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { FileUploadInterceptor } from './file-upload.interceptor';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { TaskFile } from './task-file.entity';

/** Files of tasks (task_files): result documents and request evidence, under DATA_DIR/files/tasks. */
@Module({
  imports: [TypeOrmModule.forFeature([TaskFile]), TasksModule],
  controllers: [FilesController],
  providers: [FilesService, FileUploadInterceptor],
  exports: [FilesService],
})
export class FilesModule {}
