'use client';

import * as Y from 'yjs';
import { clearBrowserCopy, readBrowserCopy, writeBrowserCopy } from '@/components/editor/browser-copy';

/**
 * This device's copy of a shared article while it holds changes the server has not stored (offline,
 * signed out, or the tab closing): the whole document as a Yjs update. Applied to the document on a
 * later visit it merges like any late edit, adding what the server never got and nothing twice, and
 * it never undoes what others wrote meanwhile.
 */
export type SharedCopy = { update: Uint8Array; at: string };

const keyFor = (articleId: number) => `dateline:unsaved:shared:${articleId}`;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

async function asSharedCopy(value: unknown): Promise<SharedCopy | null> {
  if (typeof value !== 'object' || value === null) return null;
  const { update, at } = value as Record<string, unknown>;
  if (typeof update !== 'string' || typeof at !== 'string') return null;
  return { update: fromBase64(update), at };
}

export function writeSharedCopy(articleId: number, doc: Y.Doc): void {
  writeBrowserCopy(keyFor(articleId), { update: toBase64(Y.encodeStateAsUpdate(doc)), at: new Date().toISOString() });
}

export const readSharedCopy = (articleId: number): Promise<SharedCopy | null> => readBrowserCopy(keyFor(articleId), asSharedCopy);

export const clearSharedCopy = (articleId: number): void => clearBrowserCopy(keyFor(articleId));

/** Merged like any late edit: what the server never got is added, nothing twice. */
export function mergeSharedCopy(doc: Y.Doc, copy: SharedCopy): void {
  Y.applyUpdate(doc, copy.update);
}
