import { Module } from '@nestjs/common';
import { ListNotifications, MarkNotificationRead, type Clock } from '@gongkai/application';
import { CLOCK } from '../common/clock';
import { DATA_SOURCE, onDataSource, type UseCaseDataSource as Db } from '../database.token';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [
    onDataSource(ListNotifications),
    {
      provide: MarkNotificationRead,
      inject: [DATA_SOURCE, CLOCK],
      useFactory: (db: Db, clock: Clock) => new MarkNotificationRead(db, clock),
    },
    NotificationsService,
  ],
})
export class NotificationsModule {}
