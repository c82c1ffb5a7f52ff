import { timingSafeEqual } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ResolveSession } from '@gongkai/application';
import { sessionToken } from '../auth/session-cookie';
import { type ApiConfig } from '../config/api-config';
import { containsUnstorable, decodedTarget } from './unstorable';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WRITE_BODY_TYPES = ['application/json', 'multipart/form-data'];
const HSTS = 'max-age=31536000; includeSubDomains';

function refuse(res: Response, status: number, message: string, code: string): void {
  res.status(status).json({
    statusCode: status,
    error: {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      415: 'Unsupported Media Type',
    }[status],
    message,
    code,
  });
}

/** The API answers JSON and files only: nothing of it may run script, load anything or be framed. */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      sandbox: [],
    },
  },
  frameguard: { action: 'deny' },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});
/** Swagger UI is a page: its own scripts and styles (and the inline style it sets), nothing else. */
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'script-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
});

function headers(req: Request, res: Response, next: NextFunction): void {
  // HSTS only over TLS (RFC 6797 §7.2): over plain HTTP it would be ignored, or pin a dev host.
  if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
  (req.path.startsWith('/api/docs') ? docsHeaders : apiHeaders)(req, res, next);
}

/**
 * CSRF. The session cookie is SameSite=Lax, which does not separate the desk (:4200) from a page
 * on another port of the same host: same-site requests carry it. So a state-changing request is
 * refused when the browser says it comes from elsewhere: an Origin that is neither a configured
 * web origin nor this host itself, or, without Origin, a Sec-Fetch-Site of cross-site or
 * same-site. Every browser sends Origin on a cross-origin POST/PUT/PATCH/DELETE, and a page cannot
 * forge it; clients without either header (the CLI, curl, Prometheus) are not browsers and carry
 * no ambient cookie of a victim. With bodies restricted to JSON and multipart (below), a cross-site
 * form can only send multipart, which is caught by Origin, and JSON cannot be sent cross-site
 * without a CORS preflight, which this API never grants. That is why no token is needed.
 */
function sameOrigin(config: ApiConfig): RequestHandler {
  const allowed = new Set(config.webOrigins);
  return (req, res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.get('host')}`;
      if (allowed.has(origin) || origin === own) return next();
      return refuse(
        res,
        403,
        '请求来源不受信任，已拒绝（请从本系统页面操作）',
        'cross_site_request',
      );
    }
    const site = req.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      return refuse(
        res,
        403,
        '请求来源不受信任，已拒绝（请从本系统页面操作）',
        'cross_site_request',
      );
    }
    return next();
  };
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/** Write routes read JSON, and multipart for uploads; a form or text body is never parsed (415). */
function bodyTypes(req: Request, res: Response, next: NextFunction): void {
  if (!STATE_CHANGING.has(req.method) || !hasBody(req)) return next();
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (WRITE_BODY_TYPES.includes(type) || type.endsWith('+json')) return next();
  refuse(
    res,
    415,
    '请求内容类型不受支持：请以 JSON（或上传文件时以 multipart/form-data）提交',
    'unsupported_media_type',
  );
}

/** One check for every request: path, query and JSON body (keys too) must be storable text. */
function storableInput(req: Request, res: Response, next: NextFunction): void {
  const target = decodedTarget(req.originalUrl);
  if (target === null || containsUnstorable(target) || containsUnstorable(req.body)) {
    return refuse(
      res,
      400,
      '请求中含有无法处理的字符（如空字符），请检查后重新输入',
      'unstorable_input',
    );
  }
  next();
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  // A request relayed by a proxy on this host is not a local one.
  return (
    local && req.headers['x-forwarded-for'] === undefined && req.headers['forwarded'] === undefined
  );
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** /api/metrics: from loopback as before; from anywhere else only with METRICS_TOKEN. */
function metricsGate(config: ApiConfig): RequestHandler {
  return (req, res, next) => {
    if (req.path !== '/api/metrics' || isLoopback(req)) return next();
    if (!config.metricsToken) {
      return refuse(
        res,
        403,
        '监控指标仅限本机访问；远程采集请配置 METRICS_TOKEN',
        'metrics_loopback_only',
      );
    }
    const given = (req.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
    if (!sameToken(given, config.metricsToken)) {
      return refuse(res, 401, '监控指标需要有效的访问令牌', 'metrics_token_required');
    }
    next();
  };
}

/** In production the API's description is for signed-in users only. */
function docsGate(app: INestApplication, config: ApiConfig): RequestHandler {
  return (req, res, next) => {
    if (!config.docsNeedSession || !req.path.startsWith('/api/docs')) return next();
    const token = sessionToken(req);
    const sessions = app.get(ResolveSession);
    (token ? sessions.execute(token) : Promise.resolve(null))
      .then((user) =>
        user ? next() : refuse(res, 401, '请先登录后查看接口文档', 'unauthenticated'),
      )
      .catch(next);
  };
}

/**
 * Everything the API does to a request before a route sees it (issue 16): trusted proxies,
 * headers, CSRF, body types, storable input, the metrics and docs gates. Call after the JSON
 * body parser is registered and before the routes are (app.init()).
 */
export function applyHttpSecurity(app: INestApplication, config: ApiConfig): void {
  const express = app.getHttpAdapter().getInstance() as {
    set(name: string, value: unknown): void;
    disable(name: string): void;
  };
  express.disable('x-powered-by');
  if (config.trustProxy !== null) express.set('trust proxy', config.trustProxy);
  app.use(headers);
  app.use(metricsGate(config));
  app.use(sameOrigin(config));
  app.use(bodyTypes);
  app.use(storableInput);
  app.use(docsGate(app, config));
}
