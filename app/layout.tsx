import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/server/env';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Dateline', template: '%s · Dateline' },
  description: 'Dateline: the newsroom’s editorial desk',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={env().SITE_LANGUAGE}>
      <body>{children}</body>
    </html>
  );
}
