import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { MetricsService } from './metrics.service';

/** METRICS_TOKEN, when set, is required as `Authorization: Bearer <token>`. */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env['METRICS_TOKEN'] || null;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Public to the session guard (Prometheus has no session); restricted by METRICS_TOKEN instead.
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly token = metricsTokenFromEnv();

  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (this.token) {
      const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
      if (!sameToken(given, this.token))
        throw new UnauthorizedException('需要有效的 METRICS_TOKEN');
    }
    return this.metrics.render();
  }
}
