"""Parse a config file with the real supervisord (the oracle) and print what it understood as JSON.

Usage: /usr/bin/python3 supervisord-config-dump.py <config file>
Prints {"ok": true, ...} with the supervisord settings, servers and every process option, or
{"ok": false, "error": "<message supervisord would print after 'Error: '>"}.
Used by config-differential.test.ts; written for this project, not taken from supervisor.
"""

import json
import sys

from supervisor import datatypes, events
from supervisor.loggers import LevelsByName
from supervisor.options import ServerOptions


class ConfigProblem(Exception):
    pass


def usage(msg):
    raise ConfigProblem(str(msg))


LEVEL_NAMES = {
    LevelsByName.CRIT: 'critical',
    LevelsByName.ERRO: 'error',
    LevelsByName.WARN: 'warn',
    LevelsByName.INFO: 'info',
    LevelsByName.DEBG: 'debug',
    LevelsByName.TRAC: 'trace',
    LevelsByName.BLAT: 'blather',
}


def logfile(value):
    if value is datatypes.Automatic:
        return {'kind': 'auto'}
    if value is None:
        return {'kind': 'none'}
    return {'kind': 'path', 'path': value}


def autorestart(value):
    if value is datatypes.RestartUnconditionally:
        return 'always'
    if value is datatypes.RestartWhenExitUnexpected:
        return 'unexpected'
    return 'never'


def stream(proc, channel):
    def get(key):
        return getattr(proc, '%s_%s' % (channel, key))
    return {
        'logfile': logfile(get('logfile')),
        'maxBytes': get('logfile_maxbytes'),
        'backups': get('logfile_backups'),
        'captureMaxBytes': get('capture_maxbytes'),
        'eventsEnabled': bool(get('events_enabled')),
        'syslog': bool(get('syslog')),
    }


def process(proc):
    return {
        'name': proc.name,
        'command': proc.command,
        'priority': proc.priority,
        'autostart': bool(proc.autostart),
        'startsecs': proc.startsecs,
        'startretries': proc.startretries,
        'autorestart': autorestart(proc.autorestart),
        'exitcodes': list(proc.exitcodes),
        'stopsignal': proc.stopsignal,
        'stopwaitsecs': proc.stopwaitsecs,
        'stopasgroup': bool(proc.stopasgroup),
        'killasgroup': bool(proc.killasgroup),
        'uid': proc.uid,
        'redirect_stderr': bool(proc.redirect_stderr),
        'stdout': stream(proc, 'stdout'),
        'stderr': stream(proc, 'stderr'),
        'environment': proc.environment or {},
        'directory': proc.directory,
        'umask': proc.umask,
        'serverurl': proc.serverurl,
    }


def group(cfg):
    out = {
        'name': cfg.name,
        'priority': cfg.priority,
        'processes': [process(p) for p in cfg.process_configs],
    }
    if hasattr(cfg, 'pool_events'):
        out['kind'] = 'eventlistener'
        out['bufferSize'] = cfg.buffer_size
        out['events'] = sorted(events.getEventNameByType(e) for e in cfg.pool_events)
        handler = cfg.result_handler
        out['resultHandler'] = '%s:%s' % (handler.__module__, handler.__name__)
    return out


def server(cfg):
    out = {
        'section': cfg['section'],
        'username': cfg['username'],
        'password': cfg['password'],
    }
    if 'file' in cfg:
        out.update(file=cfg['file'], chmod=cfg['chmod'], chown=list(cfg['chown']))
    else:
        out.update(host=cfg['host'], port=cfg['port'])
    return out


def dump(path):
    options = ServerOptions()
    options.usage = usage
    try:
        options.realize(args=['-c', path])
    except ConfigProblem as problem:
        return {'ok': False, 'error': str(problem)}
    section = options.configroot.supervisord
    return {
        'ok': True,
        'supervisord': {
            'logfile': options.logfile,
            'logfileMaxBytes': section.logfile_maxbytes,
            'logfileBackups': section.logfile_backups,
            'logLevel': LEVEL_NAMES[section.loglevel],
            'pidfile': options.pidfile,
            'umask': section.umask,
            'nodaemon': bool(section.nodaemon),
            'silent': bool(section.silent),
            'minfds': section.minfds,
            'minprocs': section.minprocs,
            'nocleanup': bool(section.nocleanup),
            'childlogdir': section.childlogdir,
            'uid': options.uid,
            'directory': section.directory,
            'stripAnsi': bool(section.strip_ansi),
            'environment': section.environment,
            'identifier': section.identifier,
        },
        'servers': [server(cfg) for cfg in options.server_configs],
        'rpcinterfaces': [name for name, _factory, _extras in options.rpcinterface_factories],
        'groups': [group(cfg) for cfg in options.process_group_configs],
        'messages': {
            'critical': options.parse_criticals,
            'warn': options.parse_warnings,
            'info': options.parse_infos,
        },
    }


if __name__ == '__main__':
    print(json.dumps(dump(sys.argv[1]), indent=1, sort_keys=True))
