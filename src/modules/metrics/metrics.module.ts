import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** /metrics (Prometheus). The metrics themselves live in core/metrics so every layer can record them. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
