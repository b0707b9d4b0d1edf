// XML-RPC decoding: a methodCall (server side) or a methodResponse (client side) → typed values,
// with supervisord's value rules (boolean true only for "1", untyped value = string, base64 →
// string) and a precise message for anything malformed.

import { parseXmlTree, type XmlElement } from './xml-tree.js';
import {
  isXmlRpcStruct,
  structFromEntries,
  XmlRpcDateTime,
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
      return parseInteger(element, text);
    case 'boolean':
      // supervisord's rule: only the exact text "1" is true ("true" is false).
      return text === '1';
    case 'string':
      return text;
    case 'double':
      return new XmlRpcDouble(parseDouble(element, text));
    case 'dateTime.iso8601':
      return parseDateTime(element, text);
    case 'base64':
      return parseBase64(element, text);
    default:
      throw new MalformedXmlRpc(element, 'is not a supported XML-RPC type');
  }
};

const parseInteger = (element: XmlElement, text: string): number => {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw new MalformedXmlRpc(element, `holds ${JSON.stringify(text)}, not an integer`);
  }
  const n = Number(trimmed);
  if (!Number.isSafeInteger(n)) {
    throw new MalformedXmlRpc(element, `holds ${trimmed}, beyond ±2^53`);
  }
  return n === 0 ? 0 : n; // no -0
};

const parseDouble = (element: XmlElement, text: string): number => {
  const trimmed = text.trim().toLowerCase();
  const special: Record<string, number> = {
    inf: Infinity,
    '+inf': Infinity,
    '-inf': -Infinity,
    infinity: Infinity,
    '+infinity': Infinity,
    '-infinity': -Infinity,
    nan: NaN,
    '+nan': NaN,
    '-nan': NaN,
  };
  if (Object.hasOwn(special, trimmed)) {
    return special[trimmed] as number;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(trimmed)) {
    throw new MalformedXmlRpc(element, `holds ${JSON.stringify(text)}, not a number`);
  }
  return Number(trimmed);
};

const parseDateTime = (element: XmlElement, text: string): XmlRpcDateTime => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const [year, month, day, hour, minute, second] = (match?.slice(1) ?? []).map(Number);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 61
  ) {
    throw new MalformedXmlRpc(element, `holds ${JSON.stringify(text)}, not YYYYMMDDTHH:MM:SS`);
  }
  return new XmlRpcDateTime({ year, month, day, hour, minute, second });
};

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

const parseBase64 = (element: XmlElement, text: string): string => {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new MalformedXmlRpc(element, 'is not valid base64');
  }
  try {
    return utf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    throw new MalformedXmlRpc(element, 'does not decode to UTF-8 text');
  }
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
