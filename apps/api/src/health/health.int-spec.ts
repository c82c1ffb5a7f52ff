import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../bootstrap';
import { apiConfigFromEnv } from '../config/api-config';

describe('GET /api/health', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApiApp(apiConfigFromEnv(), { quiet: true });
    await app.init();
  });
  afterAll(() => app.close());

  it('reports the database and Redis up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.redis.status).toBe('up');
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs/json').expect(200);
    expect(res.body.paths['/api/health']).toBeDefined();
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await request(app.getHttpServer()).get('/api/no-such-route').expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});

describe('GET /api/health with Redis unreachable', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApiApp(
      { ...apiConfigFromEnv(), redisUrl: 'redis://127.0.0.1:1' },
      { quiet: true },
    );
    await app.init();
  });
  afterAll(() => app.close());

  it('reports Redis down with 503 while the database stays up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis.status).toBe('down');
  });
});
