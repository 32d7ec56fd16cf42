import { Module } from '@nestjs/common';
import { EmailsModule } from '../emails/emails.module';
import { OrderEmailsModule } from '../order-emails/order-emails.module';
import { DeviceAlertEmailsEvents } from './device-alert-emails.events';
import { DeviceAlertEmailsService } from './device-alert-emails.service';

/** Telemetry's alerts (supply low, device silent) to the users of the device's account. */
@Module({
  imports: [EmailsModule, OrderEmailsModule],
  controllers: [DeviceAlertEmailsEvents],
  providers: [DeviceAlertEmailsService],
})
export class DeviceAlertEmailsModule {}
