'use client';

import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useDeferredValue, useId, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import type { FilingChoices, FilingDraft, FilingName } from '@/lib/filing';
import { tagKeys } from '@/lib/query-keys';
import { AUTHORS_MAX, normalTagName, TAG_NAME_MAX, TAGS_MAX } from '@/lib/validation/filing';

type Props = {
  value: FilingDraft;
  choices: FilingChoices;
  onChange: (next: FilingDraft) => void;
  readOnly: boolean;
  errors: FieldErrors;
};

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Where the story is filed: its Section, Tags and credited Authors, saved with the text. */
export function FilingFields({ value, choices, onChange, readOnly, errors }: Props) {
  // A section deleted or a profile missing from the list still shows what the story carries.
  const sections = value.sectionId === null || choices.sections.some((section) => section.id === value.sectionId) ? choices.sections : [...choices.sections, { id: value.sectionId, name: `Section ${value.sectionId}`, slug: '' }];
  return (
    <div className="filing">
      <div className="field">
        <label htmlFor="filing-section">Section</label>
        <select
          id="filing-section"
          value={value.sectionId ?? ''}
          disabled={readOnly}
          aria-invalid={errors.sectionId ? true : undefined}
          onChange={(event) => onChange({ ...value, sectionId: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">No section</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        {errors.sectionId && <p className="field__error">{errors.sectionId.join(' ')}</p>}
      </div>
      <TagsField tags={value.tags} onChange={(tags) => onChange({ ...value, tags })} readOnly={readOnly} errors={errors.filing} />
      <AuthorsField authors={value.authors} choices={choices.authors} onChange={(authors) => onChange({ ...value, authors })} readOnly={readOnly} errors={errors.authorIds} />
    </div>
  );
}

/**
 * Tags are typed: existing ones are suggested as the name starts (arrow keys and Enter pick one),
 * and Enter or a comma adds what is typed; a new name becomes a tag when the story is saved.
 */
function TagsField({ tags, onChange, readOnly, errors }: { tags: string[]; onChange: (tags: string[]) => void; readOnly: boolean; errors?: string[] }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const query = normalTagName(useDeferredValue(typed));
  const { data: found = [] } = useQuery({
    queryKey: tagKeys.suggestions(query),
    queryFn: () => apiFetch<FilingName[]>(`/api/tags?q=${encodeURIComponent(query)}`, { method: 'GET' }),
    enabled: !readOnly && query !== '',
    staleTime: 30_000,
  });
  const suggestions = query === '' ? [] : found.filter((tag) => !tags.some((name) => sameName(name, tag.name)));
  const open = suggestions.length > 0;

  function add(raw: string) {
    const name = normalTagName(raw);
    setTyped('');
    setActive(-1);
    if (name === '') return;
    if (name.length > TAG_NAME_MAX) return setProblem(`A tag must be at most ${TAG_NAME_MAX} characters.`);
    if (tags.length >= TAGS_MAX) return setProblem(`A story takes at most ${TAGS_MAX} tags.`);
    setProblem(null);
    // The suggestion's own spelling, so "climate change" typed files under "Climate change".
    const existing = suggestions.find((tag) => sameName(tag.name, name))?.name ?? name;
    if (!tags.some((tag) => sameName(tag, existing))) onChange([...tags, existing]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
    } else if (event.key === 'Enter' || event.key === ',') {
      // Enter adds a tag here; it must not submit the whole form.
      event.preventDefault();
      add(active >= 0 && suggestions[active] ? suggestions[active].name : typed);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setTyped('');
    }
  }

  const shownErrors = [...(problem ? [problem] : []), ...(errors ?? [])];
  return (
    <div className="field tags-field">
      {readOnly ? <span className="field__label">Tags</span> : <label htmlFor={`${id}-input`}>Tags</label>}
      {tags.length > 0 ? (
        <ul className="chips" aria-label="Tags on this story">
          {tags.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              {!readOnly && (
                <button type="button" className="chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((name) => name !== tag))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        readOnly && <p className="field__hint">No tags.</p>
      )}
      {!readOnly && (
        <>
          <span id={`${id}-hint`} className="field__hint">
            Type to find a tag; Enter or a comma adds it. A new tag is created when the story is saved.
          </span>
          <div className="combobox">
            <input
              id={`${id}-input`}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={`${id}-list`}
              aria-activedescendant={active >= 0 && open ? `${id}-option-${active}` : undefined}
              aria-describedby={`${id}-hint${shownErrors.length > 0 ? ` ${id}-error` : ''}`}
              aria-invalid={shownErrors.length > 0 ? true : undefined}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setActive(-1)}
            />
            <ul id={`${id}-list`} role="listbox" aria-label="Suggested tags" className="combobox__list" hidden={!open}>
              {suggestions.map((tag, index) => (
                <li
                  key={tag.id}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="combobox__option"
                  // Before the input's blur, so the click still finds the list.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    add(tag.name);
                  }}
                >
                  {tag.name}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {shownErrors.length > 0 && (
        <p id={`${id}-error`} className="field__error">
          {shownErrors.join(' ')}
        </p>
      )}
    </div>
  );
}

/**
 * The credited authors in byline order: picked from the profiles, moved up and down, removed.
 * A story's filing and a live entry's credit use it alike.
 */
export function AuthorsField({
  authors,
  choices,
  onChange,
  readOnly,
  errors,
  max = AUTHORS_MAX,
}: {
  authors: FilingName[];
  choices: FilingName[];
  onChange: (authors: FilingName[]) => void;
  readOnly: boolean;
  errors?: string[];
  max?: number;
}) {
  const id = useId();
  const [picked, setPicked] = useState('');
  const left = choices.filter((choice) => !authors.some((author) => author.id === choice.id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...authors];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  const full = authors.length >= max;

  return (
    <div className="field authors-field">
      {readOnly ? <span className="field__label">Authors</span> : <label htmlFor={`${id}-pick`}>Authors</label>}
      {authors.length > 0 ? (
        <ol className="credited" aria-label="Credited authors">
          {authors.map((author, index) => (
            <li key={author.id} className="credited__author">
              <span>{author.name}</span>
              {!readOnly && (
                <span className="credited__actions">
                  <button type="button" className="button button--quiet" aria-label={`Move ${author.name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button button--quiet" aria-label={`Move ${author.name} down`} disabled={index === authors.length - 1} onClick={() => move(index, 1)}>
                    ↓
                  </button>
                  <button type="button" className="button button--quiet" aria-label={`Remove ${author.name}`} onClick={() => onChange(authors.filter((other) => other.id !== author.id))}>
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="field__hint">No authors credited.</p>
      )}
      {!readOnly && (
        <div className="authors-field__pick">
          <select
            id={`${id}-pick`}
            value={picked}
            disabled={full || left.length === 0}
            aria-describedby={errors ? `${id}-error` : undefined}
            aria-invalid={errors ? true : undefined}
            onChange={(event) => setPicked(event.target.value)}
          >
            <option value="">{full ? `At most ${max} authors` : 'Choose an author to credit…'}</option>
            {left.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--quiet"
            disabled={picked === ''}
            onClick={() => {
              const author = left.find((choice) => String(choice.id) === picked);
              if (author) onChange([...authors, author]);
              setPicked('');
            }}
          >
            Add author
          </button>
        </div>
      )}
      {errors && (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
