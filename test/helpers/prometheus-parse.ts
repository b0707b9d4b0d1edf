// Parses a text exposition with the Prometheus project's own Python client (Debian's
// python3-prometheus-client), so a test checks our encoder against a parser we did not write.

import { execFile } from 'node:child_process';

export interface ParsedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface ParsedFamily {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly samples: readonly ParsedSample[];
}

const SCRIPT = `
import json, math, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for f in text_string_to_metric_families(sys.stdin.read()):
    out.append({"name": f.name, "type": f.type, "help": f.documentation, "samples": [
        {"name": s.name, "labels": s.labels, "value": s.value if math.isfinite(s.value) else str(s.value)}
        for s in f.samples]})
print(json.dumps(out))
`;

export const parseExposition = (text: string): Promise<ParsedFamily[]> =>
  new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/python3', ['-c', SCRIPT], (error, stdout, stderr) => {
      if (error !== null) {
        reject(
          new Error(
            `the Prometheus parser refused the text (is python3-prometheus-client installed?): ${stderr}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(stdout) as ParsedFamily[]);
    });
    child.stdin?.end(text);
  });
