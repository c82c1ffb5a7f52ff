import type { CookieOptions, Request, Response } from 'express';

/**
 * Over TLS the cookie is `__Host-` prefixed and Secure: a browser then only accepts it from this
 * host over HTTPS, with Path=/ and no Domain, so neither a plain-HTTP page nor a sibling
 * subdomain can plant or overwrite it. Over plain HTTP (http://127.0.0.1 in development and the
 * e2e runs) neither is possible, and the plain name is used. `req.secure` believes
 * X-Forwarded-Proto only from the proxies TRUST_PROXY names.
 */
export const SESSION_COOKIE = 'gongkai_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(req: Request): string {
  return req.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function sessionToken(req: Request): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[sessionCookieName(req)];
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  const options: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' };
  res.cookie(sessionCookieName(req), token, options);
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), { path: '/', secure: req.secure, httpOnly: true });
}
