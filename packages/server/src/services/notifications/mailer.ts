import nodemailer from 'nodemailer';

/** One e-mail to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through the configured SMTP server. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A mailer on `smtpUrl` (nodemailer's SMTP transport), or null when e-mail is off. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** What the notification jobs need from the configuration. */
export interface NotificationSettings {
  /** null: notifications are in-app only. */
  mailer: Mailer | null;
  /** The address links in e-mails start with, e.g. `https://dxmon.example.gov.vn`. */
  publicUrl: string;
  /** Officers are reminded this many days before the due date, and on it. */
  reminderDaysBefore: number;
}

export const defaultNotificationSettings: NotificationSettings = {
  mailer: null,
  publicUrl: 'http://127.0.0.1:8080',
  reminderDaysBefore: 3,
};
