import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ALL_QUEUES } from 'src/core/queue/queue-names';
import { AuthModule } from 'src/modules/auth/auth.module';
import { UsersModule } from 'src/modules/users/users.module';
import { QueueConsoleController } from './queue-console.controller';
import { QUEUE_CONSOLE_ROUTE, QueueConsoleService } from './queue-console.service';

@Module({
  imports: [AuthModule, UsersModule],
  providers: [QueueConsoleService],
  exports: [QueueConsoleService],
})
class QueueConsoleAuthModule {}

/** The queue console: Bull Board over the four queues at /api/queues, for admins (see QueueConsoleService). */
@Module({
  imports: [
    QueueConsoleAuthModule,
    BullBoardModule.forRootAsync({
      imports: [QueueConsoleAuthModule],
      inject: [QueueConsoleService],
      useFactory: (auth: QueueConsoleService) => ({
        route: QUEUE_CONSOLE_ROUTE,
        adapter: ExpressAdapter,
        middleware: auth.middleware,
        boardOptions: { uiConfig: { boardTitle: 'Hàng đợi nhiemvu' } },
      }),
    }),
    ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
  controllers: [QueueConsoleController],
})
export class QueueConsoleModule {}
