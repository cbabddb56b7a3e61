import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsService } from './saved-views.service';
import { SavedView } from './saved-view.entity';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const SAVED_VIEWS_ENTITIES = [SavedView];

/** Saved list views per user (table saved_views). */
@Module({
  imports: [TypeOrmModule.forFeature(SAVED_VIEWS_ENTITIES)],
  controllers: [SavedViewsController],
  providers: [SavedViewsService],
})
export class SavedViewsModule {}
