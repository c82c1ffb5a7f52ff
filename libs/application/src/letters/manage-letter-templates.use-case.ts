import type { DataSource } from 'typeorm';
import type { LetterTemplateView as ContractsLetterTemplateView } from '@gongkai/contracts';
import { LettersRepository, type LetterTemplateEntity } from '@gongkai/persistence';
import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  type LetterKind,
  type LetterTemplate,
} from './letter-templates.data';

/** The contracts' view, with the kind this layer knows. */
export type LetterTemplateView = ContractsLetterTemplateView & LetterTemplate;

/** The agency's wording of a letter, or the built-in one. */
export function letterTemplateView(
  kind: LetterKind,
  row: LetterTemplateEntity | null | undefined,
): LetterTemplateView {
  const fallback = DEFAULT_TEMPLATES[kind];
  return {
    kind,
    title: row?.title ?? fallback.title,
    paragraphs: row ? [...row.paragraphs] : [...fallback.paragraphs],
    customised: !!row,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

/** The agency's letter templates: read, customise, and reset to the built-in wording. */
export class ManageLetterTemplates {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): LettersRepository {
    return new LettersRepository(this.dataSource.manager);
  }

  async list(reader: { readonly agencyId: string }): Promise<LetterTemplateView[]> {
    const rows = await this.repo.templatesOf(reader.agencyId);
    return LETTER_KINDS.map((kind) =>
      letterTemplateView(
        kind,
        rows.find((r) => r.kind === kind),
      ),
    );
  }

  async one(agencyId: string, kind: LetterKind): Promise<LetterTemplateView> {
    return letterTemplateView(kind, await this.repo.templateOf(agencyId, kind));
  }

  async save(
    writer: { readonly id: string; readonly agencyId: string },
    kind: LetterKind,
    body: { title: string; paragraphs: string[] },
  ): Promise<LetterTemplateView> {
    await this.repo.saveTemplate({
      agencyId: writer.agencyId,
      kind,
      title: body.title,
      paragraphs: body.paragraphs,
      updatedBy: writer.id,
      updatedAt: new Date(),
    });
    return this.one(writer.agencyId, kind);
  }

  async reset(
    writer: { readonly agencyId: string },
    kind: LetterKind,
  ): Promise<LetterTemplateView> {
    await this.repo.deleteTemplate(writer.agencyId, kind);
    return this.one(writer.agencyId, kind);
  }
}
