import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { UuidParam } from '../common/uuid-param.pipe';
import { NotificationListQueryDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get()
  @ApiOperation({ summary: '我的期限预警（未读在前，分页）' })
  list(@CurrentUser() user: SessionUser, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(user, query);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记一条预警为已读' })
  @ApiResponse({ status: 404, description: '通知不存在或不是本人的' })
  markRead(@CurrentUser() user: SessionUser, @Param('id', UuidParam) id: string) {
    return this.notifications.markRead(user, id);
  }
}
