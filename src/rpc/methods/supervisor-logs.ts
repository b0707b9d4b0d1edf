// supervisor.* log methods: read and clear the main log, read/tail/clear a process's logs, clear
// them all. Offsets and lengths follow supervisord's readFile and 4.2.5's tailFile arithmetic.

import type { SupervisedProcess } from '../../engine/process.js';
import { readLog, tailLog } from '../../logging/log-reader.js';
import type { Fault } from '../../model/faults.js';
import type { LogChannel } from '../../ports/log-tail.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import { param } from '../method-params.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { statusStruct, type StatusStruct } from './status-structs.js';

/**
 * Log bytes become an XML-RPC string. supervisord decodes strictly and answers HTTP 500 when a
 * read holds invalid UTF-8 (or cuts a character in two); we send U+FFFD instead.
 */
const utf8 = new TextDecoder('utf-8');

const readHelp = (channel: LogChannel): string =>
  `Read part of a process's ${channel} log.\n\nA negative offset with length 0 reads the last |offset| bytes; otherwise length bytes from offset (0: to the end).\n\n@param string name  process name or \`group:name\`\n@param int offset  where to start\n@param int length  how many bytes\n@return string result  the bytes read`;

const tailHelp = (channel: LogChannel): string =>
  `Tail a process's ${channel} log: the last (up to) length bytes, the log's size as the offset to pass next time, and whether more than length bytes lie beyond offset.\n\n@param string name  process name or \`group:name\`\n@param int offset  the offset returned by the previous call\n@param int length  the most bytes wanted\n@return array result  [string bytes, int offset, boolean overflow]`;

export const logMethods = (facade: SupervisorFacade): readonly RpcMethod[] => {
  const { engine, fs } = facade;

  const processNamed = (name: string): SupervisedProcess | Fault => {
    const found = engine.lookup(name);
    switch (found.kind) {
      case 'bad-name':
        return found.fault;
      case 'group':
        return { fault: 'BAD_NAME', detail: name };
      case 'process':
        return found.process;
    }
  };

  const pathOf = (process: SupervisedProcess, channel: LogChannel): string | null => {
    const info = process.info();
    return channel === 'stdout' ? info.stdoutLogfile : info.stderrLogfile;
  };

  /** NO_FILE names the missing file; an unconfigured log has no detail (supervisord: None). */
  const read = async (path: string | null, offset: number, length: number) => {
    const result = await readLog(fs, path, offset, length);
    if (result.ok) {
      return utf8.decode(result.data);
    }
    return result.fault === 'NO_FILE' && path !== null
      ? ({ fault: 'NO_FILE', detail: path } as const)
      : ({ fault: result.fault } as const);
  };

  const readProcess = async (name: string, offset: number, length: number, ch: LogChannel) => {
    const process = processNamed(name);
    return 'fault' in process ? process : read(pathOf(process, ch), offset, length);
  };

  const tailProcess = async (name: string, offset: number, length: number, ch: LogChannel) => {
    const process = processNamed(name);
    if ('fault' in process) {
      return process;
    }
    const result = await tailLog(fs, pathOf(process, ch), offset, length);
    if (result.ok) {
      return [utf8.decode(result.data), result.offset, result.overflow];
    }
    // No log (yet) is not an error for a tailer; a failed read keeps its place.
    return result.fault === 'NO_FILE' ? ['', 0, false] : ['', offset, false];
  };

  const clearProcess = async (process: SupervisedProcess, name: string) => {
    const cleared = await facade.clearProcessLogs(process);
    return cleared.ok ? undefined : ({ fault: 'FAILED', detail: name } as const);
  };

  const logParams = [param.string('name'), param.int('offset'), param.int('length')] as const;

  return [
    defineMethod({
      name: 'supervisor.readLog',
      aliases: ['supervisor.readMainLog'],
      help: "Read part of the daemon's own log.\n\nA negative offset with length 0 reads the last |offset| bytes; otherwise length bytes from offset (0: to the end).\n\n@param int offset  where to start\n@param int length  how many bytes\n@return string result  the bytes read",
      params: [param.int('offset'), param.int('length')],
      returns: 'string',
      handler: ([offset, length]) => read(facade.mainLogPath, offset, length),
    }),
    defineMethod({
      name: 'supervisor.clearLog',
      help: "Empty the daemon's own log (the file is removed and opened again).\n\n@return boolean result  true",
      params: [],
      returns: 'boolean',
      handler: async () => {
        const cleared = await facade.clearMainLog();
        return cleared.ok ? true : { fault: cleared.fault };
      },
    }),
    defineMethod({
      name: 'supervisor.readProcessStdoutLog',
      aliases: ['supervisor.readProcessLog'],
      help: readHelp('stdout'),
      params: logParams,
      returns: 'string',
      handler: ([name, offset, length]) => readProcess(name, offset, length, 'stdout'),
    }),
    defineMethod({
      name: 'supervisor.readProcessStderrLog',
      help: readHelp('stderr'),
      params: logParams,
      returns: 'string',
      handler: ([name, offset, length]) => readProcess(name, offset, length, 'stderr'),
    }),
    defineMethod({
      name: 'supervisor.tailProcessStdoutLog',
      aliases: ['supervisor.tailProcessLog'],
      help: tailHelp('stdout'),
      params: logParams,
      returns: 'array',
      handler: ([name, offset, length]) => tailProcess(name, offset, length, 'stdout'),
    }),
    defineMethod({
      name: 'supervisor.tailProcessStderrLog',
      help: tailHelp('stderr'),
      params: logParams,
      returns: 'array',
      handler: ([name, offset, length]) => tailProcess(name, offset, length, 'stderr'),
    }),
    defineMethod({
      name: 'supervisor.clearProcessLogs',
      aliases: ['supervisor.clearProcessLog'],
      help: "Empty a process's stdout and stderr logs (the files are removed and opened again; backups stay).\n\n@param string name  process name or `group:name`\n@return boolean result  true",
      params: [param.string('name')],
      returns: 'boolean',
      handler: async ([name]) => {
        const process = processNamed(name);
        if ('fault' in process) {
          return process;
        }
        return (await clearProcess(process, name)) ?? true;
      },
    }),
    defineMethod({
      name: 'supervisor.clearAllProcessLogs',
      help: 'Empty the logs of every process, in priority order.\n\n@return array result  status structs {name, group, status, description}',
      params: [],
      returns: 'array',
      handler: async () => {
        const results: StatusStruct[] = [];
        for (const process of engine.allProcesses()) {
          results.push(statusStruct(process, await clearProcess(process, process.namespec)));
        }
        return results;
      },
    }),
  ];
};
