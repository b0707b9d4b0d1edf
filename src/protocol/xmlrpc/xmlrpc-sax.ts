// A strict XML document → element events, on saxes. Refuses DOCTYPEs outright, so no entity can
// ever be declared, let alone expanded; bounds nesting depth so hostile input stays cheap.

import { SaxesParser } from 'saxes';

/** What the reader hands each event to; `open` gets the 1-based line of the start tag. */
export interface XmlEventSink {
  open(name: string, line: number): void;
  close(): void;
  /** Character data (text or CDATA) inside an element, in order, possibly in pieces. */
  text(data: string): void;
}

export type XmlReadResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

class XmlRefused extends Error {}

export const readXmlEvents = (
  text: string,
  maxDepth: number,
  sink: XmlEventSink,
): XmlReadResult => {
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  const seen = { root: false };

  parser.on('doctype', () => {
    // Entity declarations live in the DTD; refusing it is what keeps expansion impossible.
    throw new XmlRefused(`${parser.line}:${parser.column}: DOCTYPE is not allowed`);
  });
  parser.on('opentag', (tag) => {
    if (depth >= maxDepth) {
      throw new XmlRefused(`${parser.line}: elements nested deeper than ${maxDepth}`);
    }
    depth += 1;
    seen.root = true;
    sink.open(tag.name, parser.line);
  });
  parser.on('closetag', () => {
    depth -= 1;
    sink.close();
  });
  const onText = (data: string): void => {
    if (depth > 0) {
      sink.text(data);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(text).close();
  } catch (error: unknown) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return seen.root ? { ok: true } : { ok: false, message: 'no root element' };
};
