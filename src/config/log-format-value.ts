// The converter for our `log_format=` option (supervisord ignores the key): raw, timestamped or
// json, in any case, surrounding blanks ignored.

import { isLogFormat, LOG_FORMATS, type LogFormat } from '../model/log-format.js';
import { InvalidValue, pyRepr, pyStrip } from './python-str.js';
import type { Converter } from './values.js';

export const toLogFormat: Converter<LogFormat> = (raw) => {
  const text = pyStrip(raw).toLowerCase();
  if (!isLogFormat(text)) {
    throw new InvalidValue(
      `not a valid log_format: ${pyRepr(raw)} (expected ${LOG_FORMATS.join(', ')})`,
    );
  }
  return text;
};
