import type { MailStatus } from '@/lib/mail/mail-kinds';

/** Whether Dateline emails people, as the admin needs to know before passing a link on. */
export function MailStatusNotice({ status }: { status: MailStatus }) {
  if (!status.on) {
    return (
      <p className="notice notice--info" role="status" aria-label="Mail">
        <strong>Mail is off.</strong> No mail server is set (SMTP_URL), so Dateline emails no one: pass invitation and password links on
        yourself.
      </p>
    );
  }
  return (
    <p className="notice notice--info" role="status" aria-label="Mail">
      <strong>Mail is on.</strong> Invitations, password links and what the desk tells people are emailed from {status.from}.{' '}
      {status.waiting === 1 ? '1 message is waiting to go' : `${status.waiting} messages are waiting to go`}
      {status.failed > 0 && `; ${status.failed === 1 ? '1 message' : `${status.failed} messages`} could not be delivered after every retry (see the server log)`}.
    </p>
  );
}
