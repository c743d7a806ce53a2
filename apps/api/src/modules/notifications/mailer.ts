import nodemailer, { type Transporter } from 'nodemailer';
import { logger } from '../../shared/logger.js';
import type { Queryable } from '../packs/pack-rows.js';
import type { NewNotification } from './notification.service.js';

/**
 * Notifications by e-mail, when an SMTP server is set (SMTP_URL, e.g. smtp://user:pass@host:587):
 * one message to the active users of the organisation concerned, in Indonesian and English. A
 * failure is logged; the notification stays in the app either way.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly publicUrl: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async sendAll(db: Queryable, notifications: NewNotification[]): Promise<void> {
    try {
      const organizations = [...new Set(notifications.map((n) => n.organizationId))];
      const { rows } = await db.query(`select organization_id, email from app_user where active and organization_id = any($1::uuid[])`, [organizations]);
      for (const notification of notifications) {
        const to = rows.filter((row) => row.organization_id === notification.organizationId).map((row) => row.email as string);
        if (to.length === 0) continue;
        const { subject, text } = messageOf(notification, this.publicUrl);
        await this.transport.sendMail({ from: this.from, to, subject, text });
      }
    } catch (error) {
      logger.error({ err: error, notifications: notifications.length }, 'could not e-mail notifications');
    }
  }

  close() {
    this.transport.close();
  }
}

function messageOf(n: NewNotification, publicUrl: string): { subject: string; text: string } {
  const p = n.params;
  switch (n.kind) {
    case 'INCOMING_SHIPMENT':
      return {
        subject: `Kiriman ${p.shipmentNumber} dalam perjalanan / Shipment ${p.shipmentNumber} on its way`,
        text: `Kiriman ${p.shipmentNumber} dari ${p.counterparty} (${p.units} unit) sedang dalam perjalanan ke fasilitas Anda.\n\nShipment ${p.shipmentNumber} from ${p.counterparty} (${p.units} units) is on its way to your facility.\n\n${publicUrl}/shipments/${p.shipmentId}`,
      };
    case 'SHIPMENT_DISCREPANCY':
      return {
        subject: `Selisih pada kiriman ${p.shipmentNumber} / Discrepancy in shipment ${p.shipmentNumber}`,
        text: `${p.counterparty} menerima kiriman ${p.shipmentNumber} dengan selisih (${p.units} unit tidak sampai).\n\n${p.counterparty} received shipment ${p.shipmentNumber} with discrepancies (${p.units} units did not arrive).\n\n${publicUrl}/shipments/${p.shipmentId}`,
      };
    case 'RECALL':
      return {
        subject: `Penarikan ${p.productName} bets ${p.batch} / Recall of ${p.productName} batch ${p.batch}`,
        text: `Bets ${p.batch} dari ${p.productName} (NIE ${p.nie}) ditarik. Fasilitas Anda menyimpan ${p.units} unit: hentikan penyerahan dan kembalikan ke arah produsen.\n\nBatch ${p.batch} of ${p.productName} (NIE ${p.nie}) is recalled. Your facility holds ${p.units} units: stop dispensing them and send them back towards the manufacturer.\n\n${publicUrl}/recalls/${p.recallId}`,
      };
    case 'RECALL_CLOSED':
      return {
        subject: `Penarikan ${p.productName} bets ${p.batch} ditutup / Recall of ${p.productName} batch ${p.batch} closed`,
        text: `BPOM menutup penarikan bets ${p.batch} dari ${p.productName}.\n\nBPOM closed the recall of batch ${p.batch} of ${p.productName}.`,
      };
  }
}
