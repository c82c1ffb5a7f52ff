import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JOB_NAMES, type JobName } from '@gongkai/contracts';
import { JOB_HANDLER } from './job-handler.decorator';

export type Handler = (job: Job) => Promise<unknown>;

/**
 * Finds every `@JobHandler` at start-up and refuses to start unless each job name has exactly one
 * handler and no handler names an unknown job — a job nobody handles would wait forever.
 */
export function checkHandlers(
  found: { name: string; owner: string }[],
  expected: readonly string[] = JOB_NAMES,
): string[] {
  const problems: string[] = [];
  for (const name of expected) {
    const owners = found.filter((h) => h.name === name).map((h) => h.owner);
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1)
      problems.push(`job "${name}" has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  for (const h of found)
    if (!expected.includes(h.name))
      problems.push(`handler ${h.owner} names unknown job "${h.name}"`);
  return problems;
}

@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found: { name: string; owner: string; run: Handler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn as () => unknown);
        if (name)
          found.push({
            name,
            owner: `${wrapper.name}.${method}`,
            run: (job) => fn.call(instance, job),
          });
      }
    }
    const problems = checkHandlers(found);
    if (problems.length) throw new Error(`worker start-up check failed: ${problems.join('; ')}`);
    for (const h of found) this.handlers.set(h.name, h.run);
  }

  handle(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job "${job.name}"`);
    return handler(job);
  }
}
