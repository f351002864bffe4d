import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http/api-route';
import { listReviewQueue } from '@/server/review/review-queue';
import { requireUser } from '@/server/session';

/** The stories waiting for the copy desk, oldest submission first. */
export const GET = apiRoute(async () => NextResponse.json(listReviewQueue(await requireUser())));
