import { createTransport, type Transporter } from 'nodemailer';
import type { AlertMailer } from '@gongkai/persistence';
import { type WorkerConfig } from '../worker-config';

export const ALERT_MAILER = Symbol('ALERT_MAILER');

/** Alert e-mails over SMTP (nodemailer); the transport is created only when SMTP_URL is set. */
export class SmtpMailer implements AlertMailer {
  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}

export function mailerFromConfig(config: WorkerConfig): AlertMailer | null {
  return config.smtpUrl ? new SmtpMailer(createTransport(config.smtpUrl), config.mailFrom) : null;
}
