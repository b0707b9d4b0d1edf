// The root element's own checks for a decoded methodCall / methodResponse (exactly one
// methodName, no stray elements or text, params or fault), with the message a top-down reading
// of the document meets first. Thrown as MalformedXmlRpc; xmlrpc-decode.ts turns it into a result.

import type { Frame } from './xmlrpc-frame.js';
import type { XmlRpcValue } from './xmlrpc-value.js';

export interface MethodCall {
  readonly methodName: string;
  readonly params: readonly XmlRpcValue[];
}

export type MethodResponse =
  | { readonly kind: 'value'; readonly value: XmlRpcValue }
  | { readonly kind: 'fault'; readonly faultCode: number; readonly faultString: string };

export const describe = (line: number, name: string, problem: string): string =>
  `line ${line}: <${name}> ${problem}`;

/** Thrown only by the root's checks, which a top-down reading meets before anything inside. */
export class MalformedXmlRpc extends Error {}

const malformed = (line: number, name: string, problem: string): MalformedXmlRpc =>
  new MalformedXmlRpc(describe(line, name, problem));

const expectNoStrayText = (root: Frame): void => {
  const stray = root.strayText();
  if (stray !== undefined) {
    throw malformed(root.line, root.name, `holds stray text ${JSON.stringify(stray)}`);
  }
};

/** The root's checks; `undefined` when a problem further in is what gets reported. */
export const finishCall = (root: Frame): MethodCall | undefined => {
  if (root.strayName !== '') {
    throw malformed(root.strayLine, root.strayName, 'is not allowed inside <methodCall>');
  }
  expectNoStrayText(root);
  if (root.nameCount !== 1) {
    throw malformed(root.line, root.name, 'needs exactly one <methodName>');
  }
  if (root.nameChildName !== '') {
    throw malformed(root.nameChildLine, root.nameChildName, 'is not allowed inside <methodName>');
  }
  if (root.nameText === '') {
    throw malformed(root.nameLine, 'methodName', 'is empty');
  }
  if (root.valueCount > 1) {
    throw malformed(root.line, root.name, 'has more than one <params>');
  }
  // Clients may leave out an empty <params>; supervisord accepts that, and so do we.
  return { methodName: root.nameText, params: root.valueCount === 0 ? [] : (root.items ?? []) };
};

export const finishResponse = (root: Frame): MethodResponse | undefined => {
  if (root.children !== 1) {
    throw malformed(root.line, root.name, 'must hold exactly one element');
  }
  expectNoStrayText(root);
  switch (root.firstChildName) {
    case 'params':
      return root.value === undefined ? undefined : { kind: 'value', value: root.value };
    case 'fault':
      return root.fault === undefined ? undefined : { kind: 'fault', ...root.fault };
    default:
      throw malformed(root.firstChildLine, root.firstChildName, 'is not <params> or <fault>');
  }
};
