import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import {
  toAutorestart,
  toBoolean,
  toByteSize,
  toExistingDirectory,
  toExistingDirpath,
  toExitCodes,
  toInetAddress,
  toInteger,
  toListOfStrings,
  toLogfile,
  toLogLevel,
  toName,
  toOctal,
  toOwnership,
  toServerUrl,
  toSignal,
  toUser,
  withMessage,
  type Converter,
} from './values.js';

const host = memoryConfigHost({ dirs: ['/var/log/app', '/home/app'], cwd: '/work' });
const ctx = {
  host,
  homes: { home: '/home/app', homeOf: (user: string) => host.lookupUserByName(user)?.home },
};

type Row = readonly [input: string, expected: unknown];

/** Each row: input → value, or input → Error('exact message'). Expected values checked with the reference. */
const table = (name: string, convert: Converter<unknown>, rows: readonly Row[]): void => {
  describe(name, () => {
    it.each(rows)('%j', (input, expected) => {
      if (expected instanceof Error) {
        expect(() => convert(input, ctx)).toThrow(expected.message);
        try {
          convert(input, ctx);
        } catch (error) {
          expect((error as Error).message).toBe(expected.message);
        }
      } else {
        expect(convert(input, ctx)).toEqual(expected);
      }
    });
  });
};

const err = (message: string): Error => new Error(message);

table('boolean', toBoolean, [
  ['yes', true],
  ['TRUE', true],
  ['On', true],
  ['1', true],
  ['no', false],
  ['False', false],
  ['OFF', false],
  ['0', false],
  ['maybe', err("not a valid boolean value: 'maybe'")],
  ['', err("not a valid boolean value: ''")],
  [' yes', err("not a valid boolean value: ' yes'")],
]);

table('integer', toInteger, [
  ['10', 10],
  [' 10 ', 10],
  ['-5', -5],
  ['+7', 7],
  ['1_000', 1000],
  ['1.5', err("invalid literal for int() with base 10: '1.5'")],
  ['abc', err("invalid literal for int() with base 10: 'abc'")],
  ['', err("invalid literal for int() with base 10: ''")],
  ['0x10', err("invalid literal for int() with base 10: '0x10'")],
  ["it's", err(`invalid literal for int() with base 10: "it's"`)],
  ['a\nb', err("invalid literal for int() with base 10: 'a\\nb'")],
]);

table('byte size', toByteSize, [
  ['10MB', 10485760],
  ['5 kb', 5120],
  ['1GB', 1073741824],
  ['3Gb', 3221225472],
  ['0', 0],
  ['1024', 1024],
  ['-1KB', -1024],
  ['10mib', err("invalid literal for int() with base 10: '10mib'")],
  ['5b', err("invalid literal for int() with base 10: '5b'")],
  ['1.5', err("invalid literal for int() with base 10: '1.5'")],
  ['kb', err("invalid literal for int() with base 10: ''")],
  ['1 MB ', err("invalid literal for int() with base 10: '1 mb '")],
]);

table('octal', toOctal, [
  ['022', 0o22],
  ['22', 0o22],
  ['0o22', 0o22],
  ['777', 0o777],
  ['-7', -7],
  [' 17 ', 0o17],
  ['8', err('8 can not be converted to an octal type')],
  ['', err(' can not be converted to an octal type')],
  ['0x1f', err('0x1f can not be converted to an octal type')],
]);

table('signal', toSignal, [
  ['TERM', 'TERM'],
  ['sigterm', 'TERM'],
  [' term ', 'TERM'],
  ['IOT', 'ABRT'],
  ['CLD', 'CHLD'],
  ['POLL', 'IO'],
  ['rtmin', 'RTMIN'],
  ['9', 'KILL'],
  [' 15 ', 'TERM'],
  ['64', 'RTMAX'],
  ['40', err("value '40' is not a valid signal number")],
  ['NOPE', err("value 'NOPE' is not a valid signal name")],
  ['SIG', err("value 'SIG' is not a valid signal name")],
  // The reference accepts these (0 / handler constants); they send nothing, so we refuse them.
  ['0', err("value '0' is not a valid signal number")],
  ['SIG_DFL', err("value 'SIG_DFL' is not a valid signal name")],
]);

table('exit codes', toExitCodes, [
  ['0', [0]],
  ['0,2', [0, 2]],
  [' 1 , 3 ', [1, 3]],
  ['', []],
  ['255', [255]],
  ['256', err("not a valid list of exit codes: '256'")],
  ['-1', err("not a valid list of exit codes: '-1'")],
  ['a', err("not a valid list of exit codes: 'a'")],
  ['0,', err("not a valid list of exit codes: '0,'")],
]);

table('log level', toLogLevel, [
  ['info', 'info'],
  ['WARN', 'warn'],
  ['Blather', 'blather'],
  ['critical', 'critical'],
  ['warning', err("bad logging level name 'warning'")],
  ['x', err("bad logging level name 'x'")],
]);

table('inet port', toInetAddress, [
  ['9001', { host: '', port: 9001 }],
  ['*:9001', { host: '', port: 9001 }],
  [':9001', { host: '', port: 9001 }],
  ['LocalHost:9001', { host: 'localhost', port: 9001 }],
  ['a:b:9001', { host: 'a:b', port: 9001 }],
  ['host:', err("no port number specified in ''")],
  ['70000', err("not a valid port number: '70000' ")],
  ['0', err("not a valid port number: '0' ")],
  ['abc', err("not a valid port number: 'abc' ")],
  ['h:abc', err("invalid literal for int() with base 10: 'abc'")],
  ['h:0', err('0 is below lower bound (1)')],
  ['h:65536', err('65536 is above upper bound (65535)')],
]);

table('autorestart', toAutorestart, [
  ['true', 'always'],
  ['1', 'always'],
  ['FALSE', 'never'],
  ['unexpected', 'unexpected'],
  ['Unexpected', 'unexpected'],
  ['Maybe', err("invalid 'autorestart' value 'maybe'")],
]);

table('name', toName, [
  ['ok', 'ok'],
  [' spaced ', 'spaced'],
  ['a b', err("Invalid name: 'a b' because of character: ' '")],
  ['a:b', err("Invalid name: 'a:b' because of character: ':'")],
  ['a/b', err("Invalid name: 'a/b' because of character: '/'")],
  ['a:b c', err("Invalid name: 'a:b c' because of character: ' '")],
]);

table('list of strings', toListOfStrings, [
  ['', []],
  ['a', ['a']],
  [' a , b ,', ['a', 'b', '']],
]);

table('existing directory', toExistingDirectory, [
  ['/var/log/app', '/var/log/app'],
  ['~', '/home/app'],
  ['~app', '/home/app'],
  ['/nope', err('/nope is not an existing directory')],
  ['~ghost/x', err('~ghost/x is not an existing directory')],
]);

table('existing dirpath', toExistingDirpath, [
  ['/var/log/app/x.log', '/var/log/app/x.log'],
  ['relative.log', 'relative.log'],
  ['~/x.log', '/home/app/x.log'],
  ['/nope/x.log', err('The directory named as part of the path /nope/x.log does not exist')],
]);

table('logfile', toLogfile, [
  ['AUTO', { kind: 'auto' }],
  ['auto', { kind: 'auto' }],
  ['NONE', { kind: 'none' }],
  ['Off', { kind: 'none' }],
  ['syslog', { kind: 'syslog' }],
  ['/var/log/app/x.log', { kind: 'path', path: '/var/log/app/x.log' }],
  ['x.log', { kind: 'path', path: 'x.log' }],
  ['/nope/x.log', err('The directory named as part of the path /nope/x.log does not exist')],
]);

table('user', toUser, [
  ['app', { name: 'app', uid: 1000, gid: 1000, home: '/home/app' }],
  ['0', { name: 'root', uid: 0, gid: 0, home: '/root' }],
  ['ghost', err('Invalid user name ghost')],
  ['4242', err('Invalid user id 4242')],
]);

table('user:group', toOwnership, [
  ['app', { uid: 1000, gid: -1 }],
  ['app:nogroup', { uid: 1000, gid: 65534 }],
  ['0:0', { uid: 0, gid: 0 }],
  ['ghost', err('Invalid user:group definition ghost')],
  ['app:ghosts', err('Invalid user:group definition app:ghosts')],
  ['app:4242', err('Invalid user:group definition app:4242')],
]);

table('serverurl', toServerUrl, [
  ['AUTO', null],
  [' auto ', null],
  ['', ''],
  ['unix:///tmp/x.sock', 'unix:///tmp/x.sock'],
]);

table(
  'wrapped message',
  withMessage(toOctal, (raw) => `Invalid chmod value ${raw}`),
  [
    ['0700', 0o700],
    ['999', err('Invalid chmod value 999')],
  ],
);
