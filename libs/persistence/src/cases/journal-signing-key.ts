import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '../crypto/identity-cipher';

/** The journal signing key is missing (in production), unreadable or not an Ed25519 key. */
export class JournalSigningKeyError extends Error {}

export interface JournalSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SPKI PEM: stored with every checkpoint and printed for the auditor. */
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

/** SHA-256 of the SPKI DER, as colon-separated pairs of its first 16 bytes (like ssh-keygen -l). */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  const digest = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return digest.match(/../g)?.join(':') ?? digest;
}

function fromPrivateKey(privateKey: KeyObject): JournalSigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new JournalSigningKeyError('JOURNAL_SIGNING_KEY 应为 Ed25519 私钥');
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** A PEM text, or base64 of a PKCS#8 DER (or of a PEM), into the private key. */
function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
    const bytes = Buffer.from(trimmed, 'base64');
    const decoded = bytes.toString('utf8');
    if (decoded.startsWith('-----BEGIN')) return createPrivateKey(decoded);
    return createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
  } catch {
    throw new JournalSigningKeyError(
      'JOURNAL_SIGNING_KEY 无法读取为 Ed25519 私钥（PEM 或 base64）',
    );
  }
}

/**
 * The key that signs journal checkpoints, kept outside the database (DESIGN.md, Journal): whoever
 * can write the database must not be able to sign. `JOURNAL_SIGNING_KEY` is a file path or the
 * key itself (PEM or base64). In development a key is generated once into
 * `.data/journal-signing.key` (like the identity key); in production a missing key is refused,
 * since a checkpoint signed by a key the database host made up proves nothing.
 */
export function journalSigningKeyFromEnv(env: NodeJS.ProcessEnv = process.env): JournalSigningKey {
  const configured = env['JOURNAL_SIGNING_KEY']?.trim();
  if (configured) {
    const looksLikePath = !configured.startsWith('-----BEGIN') && fs.existsSync(configured);
    return fromPrivateKey(
      parsePrivateKey(looksLikePath ? fs.readFileSync(configured, 'utf8') : configured),
    );
  }
  if (env['NODE_ENV'] === 'production') {
    throw new JournalSigningKeyError(
      '生产环境须配置 JOURNAL_SIGNING_KEY（Ed25519 私钥文件路径或 PEM），且不得保存在数据库中',
    );
  }
  const file = path.join(workspaceRoot(process.cwd()), '.data', 'journal-signing.key');
  if (fs.existsSync(file)) return fromPrivateKey(parsePrivateKey(fs.readFileSync(file, 'utf8')));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // wx: when two processes start at once, the second reads the first one's key.
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
      mode: 0o600,
      flag: 'wx',
    });
    return fromPrivateKey(privateKey);
  } catch {
    return fromPrivateKey(parsePrivateKey(fs.readFileSync(file, 'utf8')));
  }
}

/**
 * The signer a verifying process trusts: the configured key's fingerprint, or none where no key
 * is configured (a read-only host in production) — checkpoints are then judged by their own key.
 */
export function trustedJournalFingerprint(
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  try {
    return journalSigningKeyFromEnv(env).fingerprint;
  } catch {
    return undefined;
  }
}
