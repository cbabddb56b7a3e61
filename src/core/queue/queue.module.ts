import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from 'src/core/config/configuration';
import { redisOptionsFromUrl } from 'src/core/redis/redis-connection';
import { DurableRuns } from './durable-runs';
import { JobProducer } from './job-producer.service';
import { ALL_QUEUES } from './queue-names';
import { QueueShutdown } from './queue-shutdown';
import { JobSchedules } from './schedules';

/**
 * Registers the four queues for producers (API) and processors (worker). Processors are listed
 * only in WorkerModule. ioredis retries forever, so queues and workers reconnect when Redis returns;
 * QueueShutdown keeps that from holding up a shutdown while Redis is down.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        connection: {
          ...redisOptionsFromUrl(config.get('redis.url', { infer: true })),
          maxRetriesPerRequest: null,
          retryStrategy: (times: number) => Math.min(times * 200, 5000),
        },
        prefix: 'nhiemvu',
      }),
    }),
    ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobProducer, JobSchedules, DurableRuns, QueueShutdown],
  exports: [BullModule, JobProducer, JobSchedules, DurableRuns],
})
export class QueueModule {}
