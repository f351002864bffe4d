import { NextResponse } from 'next/server';
import type { NotificationFeed } from '@/lib/notification-view';
import { MarkNotificationsReadInput, NotificationListQuery } from '@/lib/validation/notifications';
import { parseInput } from '@/lib/validation/parse-input';
import { apiRoute, readJson } from '@/server/http/api-route';
import { listNotifications, unreadCount } from '@/server/notifications/list-notifications';
import { markNotificationsRead } from '@/server/notifications/mark-read';
import { requireUser } from '@/server/session';

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const query = parseInput(NotificationListQuery, Object.fromEntries(new URL(request.url).searchParams));
  const feed: NotificationFeed = { ...listNotifications(user, query), unreadCount: unreadCount(user) };
  return NextResponse.json(feed);
});

export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  const input = parseInput(MarkNotificationsReadInput, await readJson(request));
  return NextResponse.json({ unreadCount: markNotificationsRead(user, input) });
});
