import { Module } from '@nestjs/common';
import { ListNotifications, MarkNotificationRead } from '@gongkai/application';
import { CLOCK } from '../common/clock';
import { onDataSource } from '../database.token';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [
    onDataSource(ListNotifications),
    onDataSource(MarkNotificationRead, CLOCK),
    NotificationsService,
  ],
})
export class NotificationsModule {}
