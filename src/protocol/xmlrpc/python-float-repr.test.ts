// Expected strings are Python 3's repr() of the same floats.
import { expect, it } from 'vitest';

import { pythonFloatRepr } from './python-float-repr.js';

it.each<[number, string]>([
  [1, '1.0'],
  [0.1, '0.1'],
  [2.5, '2.5'],
  [1e16, '1e+16'],
  [1e15, '1000000000000000.0'],
  [123456789012345680, '1.2345678901234568e+17'],
  [1e-5, '1e-05'],
  [0.0001, '0.0001'],
  [0.00012345, '0.00012345'],
  [-0, '-0.0'],
  [0, '0.0'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
  [1e22, '1e+22'],
  [5e-324, '5e-324'],
  [-1.5e-7, '-1.5e-07'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [123.456, '123.456'],
  [100, '100.0'],
])('repr(%d) is %s', (value, expected) => {
  expect(pythonFloatRepr(value)).toBe(expected);
});
