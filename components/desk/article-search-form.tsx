'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState, useTransition } from 'react';
import { ARTICLE_STATUSES, STATUS_LABELS } from '@/lib/domain-constants';
import { deskSearchHref, type FilterChoice, type SearchFilterChoices } from '@/lib/search/search-filters';
import type { ArticleSearchQuery } from '@/lib/validation/article-search';

/** Long enough not to search on every keystroke, short enough to feel like search-as-you-type. */
const SEARCH_DELAY_MS = 300;

/**
 * Typing that only lengthens or shortens the words searched ("gera", "gerasimov") refines the
 * search in place; anything else is a new entry in the history. So Back goes to the previous
 * search, not the previous letter.
 */
function refines(from: URLSearchParams, to: URLSearchParams): boolean {
  const [before, after] = [from.get('q')?.trim() ?? '', to.get('q')?.trim() ?? ''];
  const rest = (params: URLSearchParams) => [...params].filter(([name]) => name !== 'q' && name !== 'cursor').join('&');
  return before !== '' && after !== '' && (after.startsWith(before) || before.startsWith(after)) && rest(from) === rest(to);
}

function hrefOf(form: HTMLFormElement): string {
  const fields = Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)]));
  return deskSearchHref(fields);
}

function Choice({ id, label, anyLabel, choices, value }: { id: string; label: string; anyLabel: string; choices: FilterChoice[]; value: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.slug} value={choice.slug}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The desk's search box and its filters. Without JavaScript it is a GET form; with it, results
 * follow the typing and the address follows the results, so a search can be shared and Back works.
 */
export function ArticleSearchForm({ filters }: { filters: SearchFilterChoices }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = deskSearchHref(Object.fromEntries(params));
  // The fields show the address, not the page's props: after Back the address changes first, and
  // the fields must not be rebuilt from the page that is going away.
  const field = (name: keyof ArticleSearchQuery) => params.get(name) ?? '';
  const [isPending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // An address this form did not ask for (Back, Forward, a pager link) gives it a fresh set of fields.
  const [requested, setRequested] = useState(current);
  const [seen, setSeen] = useState(current);
  const [generation, setGeneration] = useState(0);
  if (current !== seen) {
    setSeen(current);
    if (current !== requested) {
      setRequested(current);
      setGeneration((value) => value + 1);
    }
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function go(form: HTMLFormElement, settled: boolean) {
    clearTimeout(timer.current);
    const href = hrefOf(form);
    if (href === requested) return;
    const searchOf = (address: string) => new URL(address, window.location.origin).searchParams;
    const refining = !settled && refines(searchOf(requested), searchOf(href));
    setRequested(href);
    startTransition(() => (refining ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(event.currentTarget, true);
  }

  return (
    <form
      key={generation}
      className="desk-search"
      role="search"
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      onChange={(event) => {
        const form = event.currentTarget;
        if ((event.target as HTMLElement).id === 'q') {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => go(form, false), SEARCH_DELAY_MS);
        } else {
          go(form, true);
        }
      }}
    >
      <div className="field desk-search__box">
        <label htmlFor="q">Search articles</label>
        <span id="q-hint" className="field__hint">
          Words anywhere in the story, &quot;an exact phrase&quot;, -a word to leave out
        </span>
        <input id="q" name="q" type="search" enterKeyHint="search" defaultValue={field('q')} aria-describedby="q-hint" />
      </div>
      <div className="desk-search__filters">
        <Choice id="status" label="Status" anyLabel="Any status" choices={ARTICLE_STATUSES.map((status) => ({ slug: status, name: STATUS_LABELS[status] }))} value={field('status')} />
        <Choice id="section" label="Section" anyLabel="Any section" choices={filters.sections} value={field('section')} />
        <Choice id="tag" label="Tag" anyLabel="Any tag" choices={filters.tags} value={field('tag')} />
        <Choice id="author" label="Author" anyLabel="Any author" choices={filters.authors} value={field('author')} />
        <div className="field">
          <label htmlFor="dates">Dates</label>
          <select id="dates" name="dates" defaultValue={field('dates')}>
            <option value="">Published</option>
            <option value="updated">Last edited</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={field('from')} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={field('to')} />
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={field('sort')}>
            <option value="">Best match, or last edited</option>
            <option value="relevance">Best match</option>
            <option value="updated">Last edited</option>
            <option value="published">Published</option>
          </select>
        </div>
        <label className="desk-search__check">
          <input type="checkbox" name="corrected" value="1" defaultChecked={field('corrected') === '1'} />
          Has a correction
        </label>
        <label className="desk-search__check">
          <input type="checkbox" name="uncredited" value="1" defaultChecked={field('uncredited') === '1'} />
          Has photos without credit
        </label>
        <button type="submit" className="button">
          Search
        </button>
        <span className="muted desk-search__pending">{isPending ? 'Searching…' : ''}</span>
      </div>
    </form>
  );
}
