import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, roleCan } from './permissions';

const editor = { id: 1, role: 'editor' as const };
const copyEditor = { id: 2, role: 'copy_editor' as const };
const admin = { id: 3, role: 'admin' as const };

describe('the role table', () => {
  it('gives user management and the audit log to admins only', () => {
    expect(roleCan('admin', 'user:manage')).toBe(true);
    expect(roleCan('copy_editor', 'user:manage')).toBe(false);
    expect(roleCan('editor', 'user:manage')).toBe(false);
    expect(PERMISSIONS['audit:read']).toEqual(['admin']);
  });

  it('gives review to the copy desk and admins, not to editors', () => {
    expect(can(copyEditor, 'article:review')).toBe(true);
    expect(can(admin, 'article:review')).toBe(true);
    expect(can(editor, 'article:review')).toBe(false);
  });

  it('lets an editor edit their own article but not someone else’s', () => {
    expect(can(editor, 'article:edit', { authorId: editor.id })).toBe(true);
    expect(can(editor, 'article:edit', { authorId: 99 })).toBe(false);
  });

  it('lets the copy desk edit anyone’s article', () => {
    expect(can(copyEditor, 'article:edit', { authorId: 99 })).toBe(true);
    expect(can(admin, 'article:edit', { authorId: 99 })).toBe(true);
  });

  it('lets only the author submit their article', () => {
    expect(can(editor, 'article:submit', { authorId: editor.id })).toBe(true);
    expect(can(copyEditor, 'article:submit', { authorId: 99 })).toBe(false);
  });

  it('gives sections, tag renames and merges to admins; tags on the fly to anyone who files', () => {
    expect(PERMISSIONS['taxonomy:manage']).toEqual(['admin']);
    expect(can(editor, 'tag:create')).toBe(true);
  });

  it('lets staff keep their own author profile and admins everyone’s', () => {
    expect(can(editor, 'author:edit', { authorId: editor.id })).toBe(true);
    expect(can(editor, 'author:edit', { authorId: 99 })).toBe(false);
    expect(can(copyEditor, 'author:edit', { authorId: 99 })).toBe(false);
    expect(can(admin, 'author:edit', { authorId: 99 })).toBe(true);
  });

  it('lets any reporter post to a live story, edit and remove their own entries; the desk anyone’s, and pins', () => {
    for (const person of [editor, copyEditor, admin]) expect(can(person, 'live:post')).toBe(true);
    expect(can(editor, 'live:entry:edit', { authorId: editor.id })).toBe(true);
    expect(can(editor, 'live:entry:edit', { authorId: 99 })).toBe(false);
    expect(can(copyEditor, 'live:entry:edit', { authorId: 99 })).toBe(true);
    expect(can(editor, 'live:entry:pin')).toBe(false);
    expect(can(copyEditor, 'live:entry:pin')).toBe(true);
    expect(can(admin, 'live:entry:pin')).toBe(true);
  });

  it('gives a live story’s coverage (start, key points, end) to its owner and the desk', () => {
    expect(can(editor, 'live:manage', { authorId: editor.id })).toBe(true);
    expect(can(editor, 'live:manage', { authorId: 99 })).toBe(false);
    expect(can(copyEditor, 'live:manage', { authorId: 99 })).toBe(true);
  });
});
