'use client';

import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { type Presence, peopleInArticle } from '@/lib/co-editing/presence';

type Props = { provider: HocuspocusProvider };

/**
 * Who else has the article open, in their colour (the colour of their caret in the body), and which
 * field each is typing in. Names and colours come from the server, which sets them from each
 * person's ticket whatever their browser claims.
 */
export function PeopleInArticle({ provider }: Props) {
  const [people, setPeople] = useState<Presence[]>([]);

  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const show = () => setPeople(peopleInArticle(awareness.getStates(), awareness.clientID));
    show();
    awareness.on('change', show);
    return () => awareness.off('change', show);
  }, [provider]);

  return (
    <section className="people" aria-labelledby="people-title">
      <h2 id="people-title" className="people__title">
        People in this article
      </h2>
      <ul className="people__list">
        {people.map((person) => (
          <li key={person.clientId} className="people__person">
            <span className="people__colour" style={{ backgroundColor: person.colour }} aria-hidden="true" />
            <span className="people__name">{person.self ? `${person.name} (you)` : person.name}</span>
            {person.typingIn && <span className="people__field"> — typing in {person.typingIn}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
