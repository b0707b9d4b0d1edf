// Event serial numbers: the global one (first pool to take an event numbers it) and each pool's
// own. Both start at 0; supervisord wraps at sys.maxsize, we wrap at the largest exact integer.

export class SerialCounter {
  private last = -1;

  next(): number {
    this.last = this.last >= Number.MAX_SAFE_INTEGER ? 0 : this.last + 1;
    return this.last;
  }
}
