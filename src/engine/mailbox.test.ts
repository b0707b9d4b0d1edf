import { describe, expect, it } from 'vitest';

import { Mailbox } from './mailbox.js';

describe('Mailbox', () => {
  it('handles follow-ups before inputs that arrived meanwhile, and publishes at the end', () => {
    const log: string[] = [];
    const box: Mailbox<string, string, string> = new Mailbox(
      (input) => {
        log.push(`handle ${input}`);
        box.emit(`event ${input}`);
        if (input === 'a') {
          box.send('late');
          return { result: 'A', followUps: ['a1'] };
        }
        return { result: input.toUpperCase(), followUps: [] };
      },
      (event) => log.push(event),
    );
    expect(box.send('a')).toBe('A');
    expect(log).toEqual([
      'handle a',
      'handle a1',
      'handle late',
      'event a',
      'event a1',
      'event late',
    ]);
  });

  it('keeps event order when a subscriber sends while events are going out', () => {
    const published: string[] = [];
    const box: Mailbox<string, undefined, string> = new Mailbox(
      (input) => {
        box.emit(input);
        return { result: undefined, followUps: [] };
      },
      (event) => {
        published.push(event);
        if (event === 'first') {
          box.send('reaction');
        }
      },
    );
    box.send('first');
    expect(published).toEqual(['first', 'reaction']);
  });
});
