// XML-RPC decoding: a methodCall (server side) or a methodResponse (client side) → typed values,
// with supervisord's value rules (boolean true only for "1", untyped value = string, base64 →
// string) and a precise message for anything malformed.

import { parseXmlTree, type XmlElement } from './xml-tree.js';
import {
  parseBase64,
  parseDateTime,
  parseDouble,
  parseInteger,
  type Parsed,
} from './xmlrpc-scalars.js';
import {
  isXmlRpcStruct,
  structFromEntries,
  XmlRpcDouble,
  type XmlRpcValue,
} from './xmlrpc-value.js';

export interface MethodCall {
  readonly methodName: string;
  readonly params: readonly XmlRpcValue[];
}

export type MethodResponse =
  | { readonly kind: 'value'; readonly value: XmlRpcValue }
  | { readonly kind: 'fault'; readonly faultCode: number; readonly faultString: string };

export type DecodeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Element nesting bound: ~170 levels of arrays/structs, far beyond any real client. */
export const MAX_XML_DEPTH = 512;

class MalformedXmlRpc extends Error {
  constructor(element: XmlElement, problem: string) {
    super(`line ${element.line}: <${element.name}> ${problem}`);
  }
}

const decodeDocument = <T>(
  text: string,
  rootName: string,
  decodeRoot: (root: XmlElement) => T,
): DecodeResult<T> => {
  const tree = parseXmlTree(text, MAX_XML_DEPTH);
  if (!tree.ok) {
    return { ok: false, message: `not well-formed XML: ${tree.message}` };
  }
  if (tree.root.name !== rootName) {
    return { ok: false, message: `root element is <${tree.root.name}>, expected <${rootName}>` };
  }
  try {
    return { ok: true, value: decodeRoot(tree.root) };
  } catch (error: unknown) {
    if (error instanceof MalformedXmlRpc) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
};

export const decodeMethodCall = (text: string): DecodeResult<MethodCall> =>
  decodeDocument(text, 'methodCall', (root) => {
    const names = childrenNamed(root, 'methodName');
    const paramsElements = childrenNamed(root, 'params');
    expectOnly(root, ['methodName', 'params']);
    const [nameElement] = names;
    if (nameElement === undefined || names.length > 1) {
      throw new MalformedXmlRpc(root, 'needs exactly one <methodName>');
    }
    expectNoChildren(nameElement);
    if (nameElement.text === '') {
      throw new MalformedXmlRpc(nameElement, 'is empty');
    }
    if (paramsElements.length > 1) {
      throw new MalformedXmlRpc(root, 'has more than one <params>');
    }
    const [paramsElement] = paramsElements;
    // Clients may leave out an empty <params>; supervisord accepts that, and so do we.
    const params = paramsElement === undefined ? [] : decodeParams(paramsElement);
    return { methodName: nameElement.text, params };
  });

export const decodeMethodResponse = (text: string): DecodeResult<MethodResponse> =>
  decodeDocument(text, 'methodResponse', (root): MethodResponse => {
    const only = soleChild(root);
    if (only.name === 'params') {
      const params = decodeParams(only);
      const [value] = params;
      if (value === undefined || params.length !== 1) {
        throw new MalformedXmlRpc(only, 'must hold exactly one <param>');
      }
      return { kind: 'value', value };
    }
    if (only.name === 'fault') {
      return decodeFault(only);
    }
    throw new MalformedXmlRpc(only, 'is not <params> or <fault>');
  });

const decodeParams = (params: XmlElement): XmlRpcValue[] =>
  params.children.map((param) => {
    if (param.name !== 'param') {
      throw new MalformedXmlRpc(param, 'found where <param> was expected');
    }
    return decodeValue(soleChild(param, 'value'));
  });

const decodeFault = (fault: XmlElement): MethodResponse => {
  const value = decodeValue(soleChild(fault, 'value'));
  const faultCode = isXmlRpcStruct(value) ? value['faultCode'] : undefined;
  const faultString = isXmlRpcStruct(value) ? value['faultString'] : undefined;
  if (typeof faultCode !== 'number' || typeof faultString !== 'string') {
    throw new MalformedXmlRpc(fault, 'needs a struct with int faultCode and string faultString');
  }
  return { kind: 'fault', faultCode, faultString };
};

const decodeValue = (value: XmlElement): XmlRpcValue => {
  if (value.name !== 'value') {
    throw new MalformedXmlRpc(value, 'found where <value> was expected');
  }
  const [typed, ...extra] = value.children;
  if (typed === undefined) {
    return value.text; // an untyped <value> is a string
  }
  if (extra.length > 0) {
    throw new MalformedXmlRpc(value, 'holds more than one element');
  }
  expectBlank(value);
  return decodeTyped(typed);
};

const decodeTyped = (element: XmlElement): XmlRpcValue => {
  switch (element.name) {
    case 'array':
      return decodeArray(element);
    case 'struct':
      return decodeStruct(element);
    default:
      expectNoChildren(element);
      return decodeScalar(element);
  }
};

const decodeArray = (array: XmlElement): XmlRpcValue[] => {
  expectBlank(array);
  return soleChild(array, 'data').children.map(decodeValue);
};

const decodeStruct = (struct: XmlElement): XmlRpcValue => {
  expectBlank(struct);
  const entries = struct.children.map((member): [string, XmlRpcValue] => {
    if (member.name !== 'member') {
      throw new MalformedXmlRpc(member, 'found where <member> was expected');
    }
    expectBlank(member);
    const name = childrenNamed(member, 'name');
    const value = childrenNamed(member, 'value');
    if (name.length !== 1 || value.length !== 1 || member.children.length !== 2) {
      throw new MalformedXmlRpc(member, 'needs exactly one <name> and one <value>');
    }
    const [nameElement] = name as [XmlElement];
    expectNoChildren(nameElement);
    return [nameElement.text, decodeValue(value[0] as XmlElement)];
  });
  return structFromEntries(entries);
};

const decodeScalar = (element: XmlElement): XmlRpcValue => {
  const text = element.text;
  switch (element.name) {
    case 'int':
    case 'i4':
      return valueOf(element, parseInteger(text));
    case 'boolean':
      // supervisord's rule: only the exact text "1" is true ("true" is false).
      return text === '1';
    case 'string':
      return text;
    case 'double':
      return new XmlRpcDouble(valueOf(element, parseDouble(text)));
    case 'dateTime.iso8601':
      return valueOf(element, parseDateTime(text));
    case 'base64':
      return valueOf(element, parseBase64(text));
    default:
      throw new MalformedXmlRpc(element, 'is not a supported XML-RPC type');
  }
};

const valueOf = <T>(element: XmlElement, parsed: Parsed<T>): T => {
  if (!parsed.ok) {
    throw new MalformedXmlRpc(element, parsed.problem);
  }
  return parsed.value;
};

const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);

const soleChild = (element: XmlElement, name?: string): XmlElement => {
  const [child, ...extra] = element.children;
  if (child === undefined || extra.length > 0 || (name !== undefined && child.name !== name)) {
    throw new MalformedXmlRpc(
      element,
      `must hold exactly one ${name === undefined ? 'element' : `<${name}>`}`,
    );
  }
  expectBlank(element);
  return child;
};

const expectOnly = (element: XmlElement, names: readonly string[]): void => {
  const stray = element.children.find((child) => !names.includes(child.name));
  if (stray !== undefined) {
    throw new MalformedXmlRpc(stray, `is not allowed inside <${element.name}>`);
  }
  expectBlank(element);
};

const expectNoChildren = (element: XmlElement): void => {
  const [child] = element.children;
  if (child !== undefined) {
    throw new MalformedXmlRpc(child, `is not allowed inside <${element.name}>`);
  }
};

/** Whitespace between elements is layout; any other text there is a mistake. */
const expectBlank = (element: XmlElement): void => {
  if (element.text.trim() !== '') {
    throw new MalformedXmlRpc(element, `holds stray text ${JSON.stringify(element.text.trim())}`);
  }
};
