import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from './journal-hash';
import { publicKeyFingerprint, type JournalSigningKey } from './journal-signing-key';

export const CHECKPOINT_FORMAT = 'gongkai-journal-checkpoint/1';

/** What a checkpoint signs for one case: its journal's length and last hash at that moment. */
export interface CheckpointEntry {
  readonly caseId: string;
  readonly agencyId: string;
  readonly ref: string;
  readonly length: number;
  readonly head: string;
}

/** The signed part of a checkpoint; `entries` are bound to it by the Merkle root. */
export interface CheckpointStatement {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** The agency the checkpoint covers, or null for every agency. */
  readonly agencyId: string | null;
  readonly agencyCode: string | null;
  readonly takenAt: string;
  readonly caseCount: number;
  readonly eventCount: number;
  readonly root: string;
}

/** A checkpoint as stored and as exported to a file for the auditor. */
export interface JournalCheckpoint extends CheckpointStatement {
  readonly id: string | null;
  readonly entries: readonly CheckpointEntry[];
  /** SPKI PEM of the signer. */
  readonly publicKey: string;
  readonly fingerprint: string;
  /** Ed25519 over the canonical JSON of the statement, base64. */
  readonly signature: string;
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

// Leaves and nodes are domain-separated (0x00 / 0x01), so a node can never pass as a leaf.
function leafHash(e: CheckpointEntry): Buffer {
  return sha256(
    Buffer.concat([
      Buffer.from([0]),
      Buffer.from(`${e.caseId}\n${e.agencyId}\n${e.ref}\n${e.length}\n${e.head}`),
    ]),
  );
}

/** The Merkle root over the entries in case-id order (an odd node is carried up unchanged). */
export function merkleRoot(entries: readonly CheckpointEntry[]): string {
  const sorted = [...entries].sort((a, b) =>
    a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
  );
  let level = sorted.map(leafHash);
  if (level.length === 0) return sha256('').toString('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(
        i + 1 < level.length
          ? sha256(Buffer.concat([Buffer.from([1]), level[i], level[i + 1]]))
          : level[i],
      );
    }
    level = next;
  }
  return level[0].toString('hex');
}

function statementOf(c: CheckpointStatement): string {
  return canonicalJson({
    format: c.format,
    agencyId: c.agencyId,
    agencyCode: c.agencyCode,
    takenAt: c.takenAt,
    caseCount: c.caseCount,
    eventCount: c.eventCount,
    root: c.root,
  });
}

export function signCheckpoint(
  scope: { agencyId: string | null; agencyCode: string | null },
  takenAt: Date,
  entries: readonly CheckpointEntry[],
  key: JournalSigningKey,
): JournalCheckpoint {
  const statement: CheckpointStatement = {
    format: CHECKPOINT_FORMAT,
    agencyId: scope.agencyId,
    agencyCode: scope.agencyCode,
    takenAt: takenAt.toISOString(),
    caseCount: entries.length,
    eventCount: entries.reduce((n, e) => n + e.length, 0),
    root: merkleRoot(entries),
  };
  return {
    ...statement,
    id: null,
    entries,
    publicKey: key.publicKeyPem,
    fingerprint: key.fingerprint,
    signature: sign(null, Buffer.from(statementOf(statement)), key.privateKey).toString('base64'),
  };
}

/**
 * Why a checkpoint cannot be trusted (empty when it can): a broken signature, entries that are
 * not the ones signed, or — when the caller knows the signer — another key.
 */
export function checkpointProblems(c: JournalCheckpoint, trustedFingerprint?: string): string[] {
  const problems: string[] = [];
  if (c.format !== CHECKPOINT_FORMAT)
    problems.push(`不是日志检查点文件（格式：${String(c.format)}）`);
  let fingerprint: string | null = null;
  try {
    const key = createPublicKey(c.publicKey);
    fingerprint = publicKeyFingerprint(key);
    if (!verify(null, Buffer.from(statementOf(c)), key, Buffer.from(c.signature, 'base64'))) {
      problems.push('检查点签名无效（检查点被改动）');
    }
  } catch {
    problems.push('检查点的公钥或签名无法读取');
  }
  if (fingerprint && fingerprint !== c.fingerprint) problems.push('检查点所记公钥指纹与公钥不符');
  if (trustedFingerprint && fingerprint && fingerprint !== trustedFingerprint) {
    problems.push(`检查点由未知密钥（${fingerprint}）签名，当前签名密钥为 ${trustedFingerprint}`);
  }
  if (!Array.isArray(c.entries) || merkleRoot(c.entries) !== c.root) {
    problems.push('检查点所列案件与其默克尔根不符（清单被改动）');
  } else {
    if (c.entries.length !== c.caseCount) problems.push('检查点案件数与清单不符');
  }
  return problems;
}

/** A checkpoint file's text back into a checkpoint (shape only; checkpointProblems() judges it). */
export function parseCheckpointFile(text: string): JournalCheckpoint {
  const parsed = JSON.parse(text) as JournalCheckpoint;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.entries)) {
    throw new Error('检查点文件格式不正确');
  }
  return parsed;
}

export function checkpointFileName(c: Pick<JournalCheckpoint, 'agencyCode' | 'takenAt'>): string {
  return `journal-checkpoint-${c.agencyCode ?? 'all'}-${c.takenAt.replace(/[:.]/g, '-')}.json`;
}
