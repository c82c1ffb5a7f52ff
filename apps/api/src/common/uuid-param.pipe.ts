import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** A malformed id in a path names nothing that exists: 404, like an id of another agency. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new NotFoundException('记录不存在'),
});
