// XML-RPC decoding: a methodCall (server side) or a methodResponse (client side) → typed values,
// straight from the parser's events (no element tree), with supervisord's value rules (boolean
// true only for "1", untyped value = string, base64 → string) and a precise message for anything
// malformed: the same message a top-down reading of the document meets first.

import { Frame, type Role } from './xmlrpc-frame.js';
import { readXmlEvents, type XmlEventSink } from './xmlrpc-sax.js';
import {
  describe,
  finishCall,
  finishResponse,
  MalformedXmlRpc,
  type MethodCall,
  type MethodResponse,
} from './xmlrpc-root-checks.js';
import { parseScalar } from './xmlrpc-scalars.js';
import { isXmlRpcStruct, setMember, type XmlRpcValue } from './xmlrpc-value.js';

export type { MethodCall, MethodResponse } from './xmlrpc-root-checks.js';

export type DecodeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Element nesting bound: ~170 levels of arrays/structs, far beyond any real client. */
export const MAX_XML_DEPTH = 512;

type RootName = 'methodCall' | 'methodResponse';

/**
 * Streams one document into values. After the first problem it only keeps counting children for
 * the elements still open: their own checks come first in a top-down reading, so they may still
 * replace it; nothing opened later can.
 */
class DocumentDecoder implements XmlEventSink {
  private readonly frames: Frame[] = [];
  private depth = 0;
  private nextSeq = 0;
  private problem: { readonly seq: number; readonly message: string } | undefined;
  wrongRoot: string | undefined;

  constructor(private readonly rootName: RootName) {}

  get root(): Frame | undefined {
    return this.frames[0];
  }

  get problemMessage(): string | undefined {
    return this.problem?.message;
  }

  open(name: string, line: number): void {
    const seq = this.nextSeq;
    this.nextSeq += 1;
    const parent = this.depth === 0 ? undefined : this.frameAt(this.depth - 1);
    let role: Role;
    if (parent === undefined) {
      role = name === this.rootName ? this.rootName : 'ignored';
      this.wrongRoot = role === 'ignored' ? name : undefined;
    } else if (parent.role === 'ignored') {
      role = 'ignored';
    } else {
      role = this.childRole(parent, name, line, seq);
      if (this.problem !== undefined) {
        role = 'ignored';
      }
    }
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = new Frame();
      this.frames.push(frame);
    }
    frame.reset(role, name, line, seq);
    this.depth += 1;
  }

  text(data: string): void {
    const frame = this.frameAt(this.depth - 1);
    switch (frame.role) {
      case 'ignored':
      case 'params':
      case 'data':
        return; // supervisord never looks at text there
      case 'value':
      case 'scalar':
      case 'methodName':
      case 'name':
        frame.text += data;
        return;
      case 'methodCall':
      case 'methodResponse':
      case 'param':
      case 'fault':
      case 'array':
      case 'struct':
      case 'member':
        // Only stray text matters here, so blank layout before it is not even kept.
        if (frame.text !== '' || data.trim() !== '') {
          frame.text += data;
        }
    }
  }

  close(): void {
    this.depth -= 1;
    if (this.depth > 0) {
      this.finish(this.frameAt(this.depth), this.frameAt(this.depth - 1));
    }
    // The root is checked once the whole document has been read (see decodeDocument).
  }

  private frameAt(depth: number): Frame {
    const frame = this.frames[depth];
    if (frame === undefined) {
      throw new Error(`no open element at depth ${depth}`);
    }
    return frame;
  }

  /** A check of `seq`'s own element: it wins over any problem found inside that element. */
  private report(seq: number, line: number, name: string, problem: string): void {
    if (this.problem === undefined || this.problem.seq > seq) {
      this.problem = { seq, message: describe(line, name, problem) };
    }
  }

  /** A check made only after the element's content was decoded: it never replaces a problem. */
  private reportAfter(frame: Frame, problem: string): void {
    if (this.problem === undefined) {
      this.problem = { seq: frame.seq, message: describe(frame.line, frame.name, problem) };
    }
  }

  private reportStrayText(frame: Frame): void {
    const stray = frame.strayText();
    if (stray !== undefined) {
      this.report(frame.seq, frame.line, frame.name, `holds stray text ${JSON.stringify(stray)}`);
    }
  }

  private misplaced(seq: number, line: number, name: string, expected: string): Role {
    this.report(seq, line, name, `found where <${expected}> was expected`);
    return 'ignored';
  }

  /** What a child is, from its parent; counts it for the parent's own checks. */
  private childRole(parent: Frame, name: string, line: number, seq: number): Role {
    parent.children += 1;
    if (parent.children === 1) {
      parent.firstChildName = name;
      parent.firstChildLine = line;
    }
    switch (parent.role) {
      case 'methodCall':
        if (name === 'methodName') {
          parent.nameCount += 1;
          return parent.nameCount === 1 ? 'methodName' : 'ignored';
        }
        if (name === 'params') {
          parent.valueCount += 1;
          return parent.valueCount === 1 ? 'params' : 'ignored';
        }
        if (parent.strayName === '') {
          parent.strayName = name;
          parent.strayLine = line;
        }
        return 'ignored';
      case 'methodResponse':
        return parent.children === 1 && (name === 'params' || name === 'fault') ? name : 'ignored';
      case 'params':
        return name === 'param' ? 'param' : this.misplaced(seq, line, name, 'param');
      case 'data':
        return name === 'value' ? 'value' : this.misplaced(seq, line, name, 'value');
      case 'struct':
        return name === 'member' ? 'member' : this.misplaced(seq, line, name, 'member');
      case 'param':
      case 'fault':
        return parent.children === 1 && name === 'value' ? 'value' : 'ignored';
      case 'array':
        return parent.children === 1 && name === 'data' ? 'data' : 'ignored';
      case 'value':
        if (parent.children > 1) {
          return 'ignored';
        }
        return name === 'array' || name === 'struct' ? name : 'scalar';
      case 'member':
        if (name === 'name') {
          parent.nameCount += 1;
          return parent.nameCount === 1 ? 'name' : 'ignored';
        }
        if (name === 'value') {
          parent.valueCount += 1;
          return parent.valueCount === 1 ? 'value' : 'ignored';
        }
        return 'ignored';
      case 'methodName':
      case 'name':
      case 'scalar':
      case 'ignored':
        return 'ignored'; // reported by the parent's checks when it closes, if at all
    }
  }

  /** An element closed: run its own checks in the order a top-down reading would, then hand its value up. */
  private finish(frame: Frame, parent: Frame): void {
    switch (frame.role) {
      case 'ignored':
      case 'methodCall':
      case 'methodResponse':
        return;
      case 'methodName':
      case 'name':
        parent.nameLine = frame.line;
        parent.nameText = frame.text;
        parent.nameChildName = frame.firstChildName;
        parent.nameChildLine = frame.firstChildLine;
        return;
      case 'scalar':
        parent.value = this.scalarOf(frame);
        return;
      case 'value':
        if (frame.children > 1) {
          this.report(frame.seq, frame.line, frame.name, 'holds more than one element');
        } else if (frame.children === 1) {
          this.reportStrayText(frame);
        } else {
          frame.value = frame.text; // an untyped <value> is a string
        }
        if (frame.value !== undefined) {
          this.deliver(parent, frame.value);
        }
        return;
      case 'array':
        this.reportStrayText(frame);
        this.expectSoleChild(frame, 'data');
        parent.value = frame.items;
        return;
      case 'data':
        parent.items = frame.items;
        return;
      case 'struct':
        this.reportStrayText(frame);
        parent.value = frame.members;
        return;
      case 'member':
        this.finishMember(frame, parent);
        return;
      case 'param':
        this.expectSoleChild(frame, 'value');
        if (frame.value !== undefined) {
          parent.items?.push(frame.value);
        }
        return;
      case 'params':
        if (parent.role !== 'methodResponse') {
          parent.items = frame.items;
        } else if (frame.items?.length === 1) {
          parent.value = frame.items[0];
        } else {
          this.reportAfter(frame, 'must hold exactly one <param>');
        }
        return;
      case 'fault':
        this.finishFault(frame, parent);
        return;
    }
  }

  private deliver(parent: Frame, value: XmlRpcValue): void {
    if (parent.role === 'data') {
      parent.items?.push(value);
    } else {
      parent.value = value;
    }
  }

  private expectSoleChild(frame: Frame, name: string): void {
    if (frame.children !== 1 || frame.firstChildName !== name) {
      this.report(frame.seq, frame.line, frame.name, `must hold exactly one <${name}>`);
    }
    this.reportStrayText(frame);
  }

  private finishMember(member: Frame, struct: Frame): void {
    this.reportStrayText(member);
    if (member.nameCount !== 1 || member.valueCount !== 1 || member.children !== 2) {
      this.report(member.seq, member.line, member.name, 'needs exactly one <name> and one <value>');
    }
    if (member.nameChildName !== '') {
      this.report(
        member.seq,
        member.nameChildLine,
        member.nameChildName,
        'is not allowed inside <name>',
      );
    }
    if (member.value !== undefined && struct.members !== undefined) {
      setMember(struct.members, member.nameText, member.value);
    }
  }

  private finishFault(fault: Frame, root: Frame): void {
    this.expectSoleChild(fault, 'value');
    const value = fault.value;
    if (value === undefined) {
      return;
    }
    const faultCode = isXmlRpcStruct(value) ? value['faultCode'] : undefined;
    const faultString = isXmlRpcStruct(value) ? value['faultString'] : undefined;
    if (typeof faultCode !== 'number' || typeof faultString !== 'string') {
      this.reportAfter(fault, 'needs a struct with int faultCode and string faultString');
      return;
    }
    root.fault = { faultCode, faultString };
  }

  private scalarOf(frame: Frame): XmlRpcValue | undefined {
    if (frame.children > 0) {
      const inside = `is not allowed inside <${frame.name}>`;
      this.report(frame.seq, frame.firstChildLine, frame.firstChildName, inside);
      return undefined;
    }
    const parsed = parseScalar(frame.name, frame.text);
    if (parsed === undefined) {
      this.report(frame.seq, frame.line, frame.name, 'is not a supported XML-RPC type');
      return undefined;
    }
    if (!parsed.ok) {
      this.report(frame.seq, frame.line, frame.name, parsed.problem);
      return undefined;
    }
    return parsed.value;
  }
}

const decodeDocument = <T>(
  text: string,
  rootName: RootName,
  finishRoot: (root: Frame) => T | undefined,
): DecodeResult<T> => {
  const decoder = new DocumentDecoder(rootName);
  const read = readXmlEvents(text, MAX_XML_DEPTH, decoder);
  if (!read.ok) {
    return { ok: false, message: `not well-formed XML: ${read.message}` };
  }
  const root = decoder.root;
  if (decoder.wrongRoot !== undefined || root === undefined) {
    return { ok: false, message: `root element is <${decoder.wrongRoot}>, expected <${rootName}>` };
  }
  let value: T | undefined;
  try {
    value = finishRoot(root);
  } catch (error: unknown) {
    if (error instanceof MalformedXmlRpc) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
  const problem = decoder.problemMessage;
  if (problem !== undefined || value === undefined) {
    return { ok: false, message: problem ?? `<${rootName}> decoded to nothing` };
  }
  return { ok: true, value };
};

export const decodeMethodCall = (text: string): DecodeResult<MethodCall> =>
  decodeDocument(text, 'methodCall', finishCall);

export const decodeMethodResponse = (text: string): DecodeResult<MethodResponse> =>
  decodeDocument(text, 'methodResponse', finishResponse);
