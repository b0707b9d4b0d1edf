// A strict XML document → a tiny element tree, on saxes. Refuses DOCTYPEs outright, so no entity
// can ever be declared, let alone expanded; bounds nesting depth so hostile input stays cheap.

import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** All character data directly inside this element (text and CDATA, in order). */
  readonly text: string;
  /** 1-based line of the start tag, for error messages. */
  readonly line: number;
}

export type XmlParseResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly message: string };

interface OpenElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
}

class XmlRefused extends Error {}

export const parseXmlTree = (text: string, maxDepth: number): XmlParseResult => {
  const parser = new SaxesParser({ position: true });
  const stack: OpenElement[] = [];
  const done: { root: XmlElement | null } = { root: null };

  parser.on('doctype', () => {
    // Entity declarations live in the DTD; refusing it is what keeps expansion impossible.
    throw new XmlRefused(`${parser.line}:${parser.column}: DOCTYPE is not allowed`);
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      throw new XmlRefused(`${parser.line}: elements nested deeper than ${maxDepth}`);
    }
    stack.push({ name: tag.name, children: [], text: '', line: parser.line });
  });
  parser.on('closetag', () => {
    const open = stack.pop();
    if (open === undefined) {
      return;
    }
    const element: XmlElement = open;
    const parent = stack.at(-1);
    if (parent === undefined) {
      done.root = element;
    } else {
      parent.children.push(element);
    }
  });
  const appendText = (data: string): void => {
    const top = stack.at(-1);
    if (top !== undefined) {
      top.text += data;
    }
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    parser.write(text).close();
  } catch (error: unknown) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return done.root === null
    ? { ok: false, message: 'no root element' }
    : { ok: true, root: done.root };
};
