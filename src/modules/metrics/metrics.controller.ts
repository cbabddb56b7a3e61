import { Controller, Get, Header, Headers, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from 'src/core/config/configuration';
import { metricsTokenMatches, registry, scrape } from 'src/core/metrics/metrics';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { ALL_QUEUES } from 'src/core/queue/queue-names';
import { Public } from 'src/modules/auth/auth.decorators';

/**
 * GET /metrics in Prometheus text format, for the monitoring server only: it needs
 * `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it does not exist (404).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly producer: JobProducer,
  ) {}

  @Get()
  @Header('Content-Type', registry.contentType)
  async metrics(@Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.get('metrics.token', { infer: true });
    if (!token) throw new NotFoundException();
    if (!metricsTokenMatches(authorization, token)) throw new UnauthorizedException('Cần mã truy cập số liệu giám sát (METRICS_TOKEN)');
    return scrape(ALL_QUEUES.map((name) => this.producer.queue(name)));
  }
}
