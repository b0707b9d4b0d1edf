// The text `tssupervisorctl -h` prints (our own words), and the usage-error lines.

export const usageText = (argv0: string): string =>
  `tssupervisorctl: control the processes of a running supervisord (tssupervisord or the
original), over its XML-RPC interface.

Usage: ${argv0} [options] [command [arguments]]

Options:
  -c, --configuration FILE  read the [supervisorctl] section of FILE; without -c the
                            default locations are searched, as supervisord does
  -s, --serverurl URL       where supervisord listens: unix:///path/to.sock or
                            http://host:port (default http://localhost:9001)
  -u, --username USER       user name for the server's HTTP authentication
  -p, --password PASSWORD   password for the server's HTTP authentication
  -r, --history_file FILE   keep the shell's command history in FILE
  -i, --interactive         accepted for compatibility; the shell starts whenever no
                            command is given
  --json                    status, start, stop, restart, signal and clear print JSON
  --sequential              act on several names one after another, not concurrently
  --version                 print the supervisorctl version we match and ours, and exit
  -h, -?, --help            print this text and exit

With a command (e.g. "status", "restart web:*"), run it and exit with its status.
Without one, start an interactive shell; type "help" there for the list of commands.
"dashboard" (or "top") opens a live terminal dashboard; press ? in it for the keys.
`;

/** What a bad command line prints on stderr before exiting with status 2. */
export const usageErrorText = (argv0: string, message: string): string =>
  `Error: ${message}\nFor help, use ${argv0} -h\n`;
