import type { DataSource } from 'typeorm';
import type { SimilarCase } from '@gongkai/contracts';
import { DeskLookupsRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/** Below this, two requests of the same applicant are about different things. */
const THRESHOLD = 0.3;
const CANDIDATES = 200;
const ANSWERS = 10;

/** Character bigrams: Chinese has no spaces, so words cannot be split without a dictionary. */
function bigrams(text: string): Map<string, number> {
  const clean = text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
  const grams = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const g = clean.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

export function requestSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let size = 0;
  let shared = 0;
  for (const n of x.values()) size += n;
  for (const [g, n] of y) {
    size += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return size === 0 ? 0 : (2 * shared) / size;
}

/**
 * Earlier applications of the same applicant asking for similar information: a possible 重复申请
 * (Art. 36 (六)). Advice for the clerk at registration; the decision stays with people.
 */
export class FindSimilarCases {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    reader: CaseReader,
    name: string,
    request: string | undefined,
  ): Promise<SimilarCase[]> {
    const applicant = name.trim();
    if (!applicant) return [];
    const rows = await new DeskLookupsRepository(this.dataSource.manager).casesOfApplicant(
      reader.scopeAgencyIds,
      applicant,
      CANDIDATES,
    );
    return rows
      .map((c) => ({
        id: c.id,
        ref: c.ref,
        receivedOn: c.receivedOn,
        state: c.state,
        closed: c.closed,
        outcome: c.outcome,
        request: c.requestText,
        similarity: request?.trim()
          ? Math.round(requestSimilarity(request, c.requestText ?? '') * 100) / 100
          : 1,
      }))
      .filter((c) => c.similarity >= THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity || (a.receivedOn < b.receivedOn ? 1 : -1))
      .slice(0, ANSWERS);
  }
}
