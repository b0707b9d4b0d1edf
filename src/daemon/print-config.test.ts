import { describe, expect, it } from 'vitest';

import { MAIN, ok } from '../../test/fakes/config-loading.js';
import { renderConfigSummary, renderConfigWarnings } from './print-config.js';

const CONFIG = `[supervisord]
logfile=/tmp/s.log
[include]
files=none/*.conf
[program:web]
command=/bin/true
autorestrat=true
stdout_logfile_maxbytes=0
[progam:api]
command=/bin/true
`;

describe('the config check', () => {
  const config = ok(CONFIG);

  it('prints the programs and the informational messages on stdout, no warnings', () => {
    const summary = renderConfigSummary(config);
    expect(summary).toContain(`configuration ${MAIN} is valid`);
    expect(summary).toContain('  web: /bin/true');
    expect(summary).not.toContain('WARN');
    expect(summary).not.toContain('autorestrat');
  });

  it('puts the parse warnings and the unknown names apart, for stderr', () => {
    expect(renderConfigWarnings(config.messages, config.unknownNames).split('\n')).toEqual([
      'WARN: No file matches via include "/etc/supervisor/none/*.conf"',
      'WARN: For [program:web], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally',
      `WARN: ${MAIN}:7: [program:web] autorestrat: unknown option, ignored; did you mean autorestart?`,
      `WARN: ${MAIN}:9: [progam:api]: unknown section, ignored; did you mean [program:api]?`,
      '',
    ]);
  });

  it('is empty without warnings', () => {
    expect(renderConfigWarnings([], [])).toBe('');
  });
});
