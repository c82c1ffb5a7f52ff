import { Injectable } from '@nestjs/common';
import {
  ComposeLetter,
  ManageLetterTemplates,
  type ComposedLetter,
  type LetterKind,
  type LetterTemplateView,
} from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';
import { renderLetterDocx } from './letter-docx';

export type { LetterTemplateView } from '@gongkai/application';

const SIGNATURE_LINES = 2;

/** Generated letters (DOCX) from the case data and the agency's templates. */
@Injectable()
export class LettersService {
  constructor(
    private readonly letters: ComposeLetter,
    private readonly templatesOf: ManageLetterTemplates,
  ) {}

  templates(user: SessionUser): Promise<LetterTemplateView[]> {
    return this.templatesOf.list(user);
  }

  template(agencyId: string, kind: LetterKind): Promise<LetterTemplateView> {
    return this.templatesOf.one(agencyId, kind);
  }

  save(
    user: SessionUser,
    kind: LetterKind,
    body: { title: string; paragraphs: string[] },
  ): Promise<LetterTemplateView> {
    return this.templatesOf.save(user, kind, body);
  }

  reset(user: SessionUser, kind: LetterKind): Promise<LetterTemplateView> {
    return this.templatesOf.reset(user, kind);
  }

  /** The letter as text: the DOCX download and the on-screen preview (drafts before approval). */
  compose(user: SessionUser, caseId: string, kind: LetterKind): Promise<ComposedLetter> {
    return httpErrors(() => this.letters.execute(user, caseId, kind));
  }

  async render(
    user: SessionUser,
    caseId: string,
    kind: LetterKind,
  ): Promise<{ fileName: string; buffer: Buffer }> {
    const { title, paragraphs, fileName } = await this.compose(user, caseId, kind);
    const buffer = await renderLetterDocx({ title, paragraphs, signatureLines: SIGNATURE_LINES });
    return { fileName, buffer };
  }

  /** The letters the case's history supports, in the order a case needs them. */
  applicable(user: SessionUser, caseId: string): Promise<LetterKind[]> {
    return httpErrors(() => this.letters.applicable(user, caseId));
  }
}
