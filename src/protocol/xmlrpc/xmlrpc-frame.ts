// One open element while an XML-RPC document streams past: what it is (its role in the grammar),
// what its checks still need to know once it closes, and the value it is building. Frames are
// reused per depth, so decoding allocates only the values themselves.

import type { XmlRpcValue } from './xmlrpc-value.js';

/** Where an element sits in the XML-RPC grammar; `ignored` elements are neither decoded nor checked. */
export type Role =
  | 'ignored'
  | 'methodCall'
  | 'methodResponse'
  | 'methodName'
  | 'params'
  | 'param'
  | 'fault'
  | 'value'
  | 'array'
  | 'data'
  | 'struct'
  | 'member'
  | 'name'
  | 'scalar';

export interface Fault {
  readonly faultCode: number;
  readonly faultString: string;
}

export class Frame {
  role: Role = 'ignored';
  name = '';
  line = 0;
  /** Position in document order of start tags: the first check met reading top-down wins. */
  seq = 0;
  /**
   * Character data: all of it where it is the value (value, scalar, methodName, name); elsewhere
   * only from the first non-blank piece on, since blank layout there is ignored.
   */
  text = '';
  children = 0;
  firstChildName = '';
  firstChildLine = 0;
  /** methodCall: the first child that is neither <methodName> nor <params>. */
  strayName = '';
  strayLine = 0;
  /** <name> children of a member, <methodName> children of a methodCall. */
  nameCount = 0;
  /** <value> children of a member, <params> children of a methodCall. */
  valueCount = 0;
  /** Of the first <name>/<methodName>: its line, text and first child element, if any. */
  nameLine = 0;
  nameText = '';
  nameChildName = '';
  nameChildLine = 0;
  value: XmlRpcValue | undefined = undefined;
  items: XmlRpcValue[] | undefined = undefined;
  members: Record<string, XmlRpcValue> | undefined = undefined;
  fault: Fault | undefined = undefined;

  reset(role: Role, name: string, line: number, seq: number): void {
    this.role = role;
    this.name = name;
    this.line = line;
    this.seq = seq;
    this.text = '';
    this.children = 0;
    this.firstChildName = '';
    this.firstChildLine = 0;
    this.strayName = '';
    this.strayLine = 0;
    this.nameCount = 0;
    this.valueCount = 0;
    this.nameLine = 0;
    this.nameText = '';
    this.nameChildName = '';
    this.nameChildLine = 0;
    this.value = undefined;
    this.items = role === 'params' || role === 'data' ? [] : undefined;
    this.members = role === 'struct' ? {} : undefined;
    this.fault = undefined;
  }

  /** Whitespace between elements is layout; any other text there is a mistake. */
  strayText(): string | undefined {
    const trimmed = this.text.trim();
    return trimmed === '' ? undefined : trimmed;
  }
}
