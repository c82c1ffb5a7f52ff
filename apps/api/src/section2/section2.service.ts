import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { putSection2Schema, section2FormatOf } from '@gongkai/contracts';
import { Section2Figures } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';

export interface Section2View {
  agencyId: string;
  year: number;
  format: '2019' | '2021';
  figures: Record<string, Record<string, number | null>> | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Section 二 figures come from other systems: entered per agency and year (DESIGN.md). */
@Injectable()
export class Section2Service {
  constructor(private readonly figures: Section2Figures) {}

  async get(user: SessionUser, year: number, agencyId?: string): Promise<Section2View> {
    const agency = agencyId ?? user.agencyId;
    const row = user.scopeAgencyIds.includes(agency) ? await this.figures.read(agency, year) : null;
    return {
      agencyId: agency,
      year,
      format: row?.format ?? section2FormatOf(year),
      figures: row?.figures ?? null,
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      updatedBy: row?.updatedBy ?? null,
    };
  }

  async put(user: SessionUser, year: number, envelope: unknown): Promise<Section2View> {
    const parsed = putSection2Schema.safeParse(envelope);
    if (!parsed.success) throw new ZodValidationException(parsed.error);
    const body = parsed.data;
    const agencyId = body.agencyId ?? user.agencyId;
    if (!user.writeAgencyIds.includes(agencyId)) {
      throw new ForbiddenException({ message: '您只能填报本机关的数据', code: 'read_only_scope' });
    }
    // Project rule 14: the format follows the report year.
    if (body.format !== section2FormatOf(year)) {
      throw new BadRequestException({
        message: `${year}年度报告使用${section2FormatOf(year)}年格式，不能填报${body.format}年格式的数据`,
        code: 'wrong_format',
      });
    }
    await this.figures.save(agencyId, year, {
      format: body.format,
      figures: body.figures,
      updatedBy: user.id,
    });
    return this.get(user, year, agencyId);
  }
}
