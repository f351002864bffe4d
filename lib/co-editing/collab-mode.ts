/** How a person takes part in an article's shared document: typing, or watching the others type. */
export type CollabMode = 'edit' | 'read';

/** What `POST /api/articles/:id/collab-ticket` answers. */
export type CollabTicket = { ticket: string; mode: CollabMode; expiresAt: string };
