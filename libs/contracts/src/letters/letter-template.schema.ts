/** An agency's wording of one letter, as GET/PUT/DELETE /api/letter-templates/:kind answer. */
export interface LetterTemplateView {
  kind: string;
  title: string;
  /** Paragraphs with `{{placeholder}}`s; `{{supplementItems}}` alone becomes one per item. */
  paragraphs: string[];
  /** False while the agency uses the built-in wording. */
  customised: boolean;
  updatedAt: string | null;
}

/** `GET /api/letter-templates`: every letter's wording and what each placeholder means. */
export interface LetterTemplatesResponse {
  templates: LetterTemplateView[];
  placeholders: Record<string, string>;
}
