import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const DESK = ['Cora Desk', 'Tomás Ruiz', 'Ana', 'Ana Lucia Reyes', 'Мария Иванова', "Seán O'Brien"];
const named = (text: string) => findMentions(text, DESK).mentions.map(({ name }) => name);

describe('findMentions', () => {
  it('finds full names after an @, with the offsets of the @ and the end of the name', () => {
    const text = '@Cora Desk, can you check the figures with @Tomás Ruiz?';
    expect(findMentions(text, DESK)).toEqual({
      mentions: [
        { name: 'Cora Desk', start: 0, end: 10 },
        { name: 'Tomás Ruiz', start: text.indexOf('@Tomás'), end: text.indexOf('?') },
      ],
      unknown: [],
    });
  });

  it('ignores case but not accents', () => {
    expect(named('ask @cora desk and @TOMÁS RUIZ')).toEqual(['Cora Desk', 'Tomás Ruiz']);
    expect(findMentions('ask @Tomas Ruiz', DESK)).toEqual({ mentions: [], unknown: ['@Tomas'] });
  });

  it('compares in NFC, so a name stored decomposed still matches', () => {
    expect(findMentions('@Tomás Ruiz', ['Toma\u0301s Ruiz']).mentions).toEqual([{ name: 'Toma\u0301s Ruiz', start: 0, end: 11 }]);
  });

  it('lets the longest name win, and a name must end where a word ends', () => {
    expect(named('@Ana Lucia Reyes wrote it')).toEqual(['Ana Lucia Reyes']);
    expect(named('@Ana wrote it')).toEqual(['Ana']);
    expect(findMentions('@Anabel wrote it', DESK)).toEqual({ mentions: [], unknown: ['@Anabel'] });
    expect(findMentions('@Cora Desks', DESK).mentions).toEqual([]);
  });

  it('takes an @ at the start, after a space or after punctuation, never inside a word: an email is no mention', () => {
    expect(named('(@Cora Desk) and\n@Ana.')).toEqual(['Cora Desk', 'Ana']);
    expect(findMentions('mail cora@desk.example or ana@Ana.example', DESK)).toEqual({ mentions: [], unknown: [] });
  });

  it('reports each @Word that names nobody once, as typed, and ignores an @ not followed by a letter', () => {
    expect(findMentions('@Cora and @Cora again, @Nobody, meet @ 5pm or @10', DESK)).toEqual({ mentions: [], unknown: ['@Cora', '@Nobody'] });
  });

  it('reads names in other scripts and with apostrophes', () => {
    expect(named('@Мария Иванова и @seán o’brien')).toEqual(['Мария Иванова']);
    expect(named("@Seán O'Brien's copy")).toEqual(["Seán O'Brien"]);
    expect(findMentions('@O’Brieny', DESK).unknown).toEqual(['@O’Brieny']);
  });
});
