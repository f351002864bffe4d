'use server';

import { revalidatePath } from 'next/cache';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { parseId } from '@/lib/validation/parse-id';
import { editTag } from '@/server/filing/edit-tag';
import { mergeTags } from '@/server/filing/merge-tags';
import { reorderSections } from '@/server/filing/reorder-sections';
import { createAuthor, createOwnAuthorProfile, editAuthor } from '@/server/filing/save-author';
import { createSection, editSection } from '@/server/filing/save-section';
import { saveNewsroomSettings } from '@/server/newsroom-settings/save-newsroom-settings';
import { requireSignedIn } from '@/server/session';

/** What a filing form shows after a submit: the outcome, and what was sent, so nothing typed is lost. */
export type FilingFormState = { error: string | null; fields: FieldErrors; done: string | null; values: Record<string, string> };

/** The named fields of a form, as text; a server action is a public endpoint and may send others, which are ignored. */
function fieldsOf(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (form.has(name) ? [[name, String(form.get(name))]] : [])));
}

/**
 * Runs one change; a refusal (a taken name, a merge into itself) comes back beside its field. Each
 * server function re-checks who may make it.
 */
async function attempt(page: string, values: Record<string, string>, change: () => string): Promise<FilingFormState> {
  let done: string;
  try {
    done = change();
  } catch (error) {
    if (isAppError(error)) return { error: error.message, fields: error.details.fields ?? {}, done: null, values };
    throw error;
  }
  revalidatePath(page);
  return { error: null, fields: {}, done, values: {} };
}

const SECTION_FIELDS = ['name', 'slug', 'description', 'mediaTopic'] as const;

export async function createSectionAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/sections');
  const values = fieldsOf(form, SECTION_FIELDS);
  return attempt('/admin/sections', values, () => `Section created at /section/${createSection(actor, values).slug}.`);
}

export async function editSectionAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/sections');
  const values = fieldsOf(form, SECTION_FIELDS);
  return attempt('/admin/sections', values, () => `Saved; the section is at /section/${editSection(actor, parseId(String(form.get('sectionId')), 'section'), values).slug}.`);
}

/** Each Move button sends the whole order it makes, as ids joined by commas. */
export async function reorderSectionsAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/sections');
  const sectionIds = String(form.get('order') ?? '').split(',').map(Number);
  return attempt('/admin/sections', {}, () => {
    reorderSections(actor, { sectionIds });
    return 'Order saved.';
  });
}

const TAG_FIELDS = ['name', 'slug', 'mediaTopic'] as const;

export async function editTagAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/tags');
  const values = fieldsOf(form, TAG_FIELDS);
  return attempt('/admin/tags', values, () => `Saved; the tag is at /tag/${editTag(actor, parseId(String(form.get('tagId')), 'tag'), values).slug}.`);
}

export async function mergeTagsAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/tags');
  const values = fieldsOf(form, ['fromId', 'intoId']);
  return attempt('/admin/tags', values, () => {
    const { moved } = mergeTags(actor, values);
    return `Merged: ${moved} ${moved === 1 ? 'story' : 'stories'} moved.`;
  });
}

const AUTHOR_FIELDS = ['name', 'slug', 'bio', 'photoId', 'userId'] as const;

export async function createAuthorAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/authors');
  const values = fieldsOf(form, AUTHOR_FIELDS);
  return attempt('/admin/authors', values, () => `Author created at /author/${createAuthor(actor, values).slug}.`);
}

/** From the admin's list or a person's own account page: the domain decides what each may change. */
export async function editAuthorAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/account');
  const values = fieldsOf(form, AUTHOR_FIELDS);
  return attempt(String(form.get('page') === '/account' ? '/account' : '/admin/authors'), values, () => {
    editAuthor(actor, parseId(String(form.get('authorId')), 'author'), values);
    return 'Profile saved.';
  });
}

export async function createOwnAuthorProfileAction(): Promise<FilingFormState> {
  const actor = await requireSignedIn('/account');
  return attempt('/account', {}, () => `Your author page is /author/${createOwnAuthorProfile(actor).slug}.`);
}

const SETTINGS_FIELDS = ['changesCredit', 'deskName'] as const;

export async function saveNewsroomSettingsAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const actor = await requireSignedIn('/admin/settings');
  const values = fieldsOf(form, SETTINGS_FIELDS);
  return attempt('/admin/settings', values, () => {
    saveNewsroomSettings(actor, values);
    return 'Settings saved; the What changed pages show them now.';
  });
}
