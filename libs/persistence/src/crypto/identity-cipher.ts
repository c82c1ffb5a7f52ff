import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The identity key is missing, malformed, or not the key a value was encrypted with. */
export class IdentityCipherError extends Error {}

const PREFIX = 'v1';

/**
 * Applicant identity numbers at rest (DESIGN.md, Security): AES-256-GCM with a random 96-bit IV
 * per value. The stored text names the key by a short fingerprint, so a value written under
 * another key fails with a clear message instead of garbage.
 */
export class IdentityCipher {
  private readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new IdentityCipherError('IDENTITY_KEY 应为32字节（base64编码）');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      PREFIX,
      this.keyId,
      iv.toString('base64'),
      tag.toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [prefix, keyId, iv, tag, data] = stored.split(':');
    if (prefix !== PREFIX || !iv || !tag || data === undefined) {
      throw new IdentityCipherError('身份证号码密文格式不正确');
    }
    if (keyId !== this.keyId) {
      throw new IdentityCipherError(`身份证号码由另一密钥（${keyId}）加密，当前密钥无法解密`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new IdentityCipherError('身份证号码密文校验失败（可能被篡改）');
    }
  }
}

/** The workspace root (where nx.json is), for the development key under `.data`. */
export function workspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/**
 * `IDENTITY_KEY` (base64 of 32 bytes) in production; otherwise a development key generated once
 * into `.data/identity.key`, so local data stays readable across restarts.
 */
export function identityKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env['IDENTITY_KEY'];
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new IdentityCipherError('IDENTITY_KEY 应为32字节的 base64 编码');
    return key;
  }
  const file =
    env['IDENTITY_KEY_FILE'] || path.join(workspaceRoot(process.cwd()), '.data', 'identity.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // wx: when two processes start at once, the second reads the first one's key.
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
}

let shared: IdentityCipher | null = null;

export function identityCipherFromEnv(): IdentityCipher {
  shared ??= new IdentityCipher(identityKeyFromEnv());
  return shared;
}
