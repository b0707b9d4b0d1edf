// Prometheus' text exposition format 0.0.4 (pure): metric families with HELP and TYPE lines, label
// values and help texts escaped as the format requires, values as Prometheus parses them.

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'untyped';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** In a label value: backslash, double quote and line feed are escaped. */
export const escapeLabelValue = (value: string): string =>
  /[\\"\n]/.test(value)
    ? value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')
    : value;

/** In a HELP text: backslash and line feed are escaped (a double quote is not). */
export const escapeHelp = (text: string): string =>
  text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');

/** A sample value: integers and floats as Go's ParseFloat reads them, NaN, +Inf, -Inf. */
export const formatValue = (value: number): string =>
  Number.isNaN(value)
    ? 'NaN'
    : value === Infinity
      ? '+Inf'
      : value === -Infinity
        ? '-Inf'
        : String(value);

/**
 * A set of labels, rendered once (`name="web",group="web"`) so that the many families of one
 * process share the text instead of escaping the same values again for each.
 */
export class Labels {
  static readonly none = new Labels('');

  private constructor(readonly text: string) {}

  static of(pairs: readonly (readonly [string, string])[]): Labels {
    return pairs.reduce((labels, [name, value]) => labels.with(name, value), Labels.none);
  }

  /** These labels and one more. */
  with(name: string, value: string): Labels {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) {
      throw new Error(`invalid label name ${JSON.stringify(name)}`);
    }
    const pair = `${name}="${escapeLabelValue(value)}"`;
    return new Labels(this.text === '' ? pair : `${this.text},${pair}`);
  }
}

export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: readonly Sample[];
}

/** The whole exposition: each family's HELP and TYPE, then its samples; a final line feed. */
export const encodeExposition = (families: readonly MetricFamily[]): string => {
  const lines: string[] = [];
  for (const { name, help, type, samples } of families) {
    if (!METRIC_NAME.test(name)) {
      throw new Error(`invalid metric name ${JSON.stringify(name)}`);
    }
    lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`);
    for (const { labels, value } of samples) {
      lines.push(
        labels.text === ''
          ? `${name} ${formatValue(value)}`
          : `${name}{${labels.text}} ${formatValue(value)}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
};
