import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobHost, jobHandlerProblems } from './job-host';

/**
 * Worker only: at boot, every job name must have exactly one handler among the processors of this
 * process, on the queue that carries it; the worker refuses to start otherwise (a job nobody handles
 * would sit in Redis forever, two handlers would be a race).
 */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const processors = this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter((i): i is JobHost => i instanceof JobHost)
      .map((i) => i.constructor);
    const problems = jobHandlerProblems([...new Set(processors)]);
    if (problems.length) throw new Error(`job handlers: ${problems.join('; ')}`);
  }
}
