import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MailStatusNotice } from './mail-status-notice';

// The e2e suite's server always has mail on (it runs its own SMTP server); the off state is checked here.
describe('the people page’s word on mail', () => {
  it('says mail is off, and that links must be passed on by hand, when no mail server is set', () => {
    const html = renderToStaticMarkup(<MailStatusNotice status={{ on: false }} />);
    expect(html).toContain('<strong>Mail is off.</strong>');
    expect(html).toContain('pass invitation and password links on yourself');
  });

  it('says mail is on, from which address, what waits and what could not be delivered', () => {
    expect(renderToStaticMarkup(<MailStatusNotice status={{ on: true, from: 'desk@news.example', waiting: 1, failed: 0 }} />)).toContain(
      'emailed from desk@news.example. 1 message is waiting to go.',
    );
    const troubled = renderToStaticMarkup(<MailStatusNotice status={{ on: true, from: 'desk@news.example', waiting: 3, failed: 2 }} />);
    expect(troubled).toContain('3 messages are waiting to go; 2 messages could not be delivered after every retry (see the server log).');
  });
});
