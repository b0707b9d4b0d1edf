// The text `tssupervisord -h` prints: supervisord's options (same letters and long names), in
// our own words, plus our additions.

export const daemonUsage = (
  argv0: string,
): string => `tssupervisord: keeps a set of programs running (reads supervisord 4.2 config files).

Usage: ${argv0} [options]

  -c, --configuration FILE   config file to read (default: search the usual places)
  -n, --nodaemon             stay in the foreground instead of detaching
  -s, --silent               in the foreground, do not copy the main log to stdout
  -h, -?, --help             show this help
  -v, --version              show the version
  -u, --user USER            switch to this user (name or uid) after startup
  -m, --umask UMASK          umask of the detached daemon (octal, default 022)
  -d, --directory DIR        directory the detached daemon changes to
  -l, --logfile FILE         main log file
  -y, --logfile_maxbytes N   rotate the main log at this size (e.g. 50MB; 0 = never)
  -z, --logfile_backups N    rotated main logs to keep
  -e, --loglevel LEVEL       critical, error, warn, info, debug, trace or blather
  -j, --pidfile FILE         where to write the daemon's pid
  -i, --identifier NAME      name of this instance (RPC, events, AUTO log names)
  -q, --childlogdir DIR      directory for AUTO child logs
  -k, --nocleanup            keep old AUTO child logs at startup
  -a, --minfds N             file descriptors to make sure of at startup
  -t, --strip_ansi           remove ANSI escape sequences from program output in the logs
      --minprocs N           processes to make sure of at startup
      --profile_options X    accepted for compatibility; ignored

Values given above override the [supervisord] section of the config file.

Ours:
      --check-config         check the config: print the programs it defines on stdout,
                             warnings and errors on stderr; exit 0 when valid (warnings
                             allowed), 1 when not (also --test)
`;
