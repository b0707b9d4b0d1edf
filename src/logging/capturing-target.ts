// A pipe's chunk target in capture mode: splits each chunk (capture-splitter) and sends ordinary
// output to the channel as usual, captured text to the events only, and completed captures out
// as PROCESS_COMMUNICATION. One per spawned child's pipe, so a capture never spans two children.

import { CaptureSplitter, type CapturePiece } from './capture-splitter.js';
import type { ChannelRecorder } from './channel-recorder.js';
import type { ChunkTarget } from './child-pump.js';

export class CapturingTarget implements ChunkTarget {
  private readonly splitter: CaptureSplitter;

  constructor(private readonly channel: ChannelRecorder) {
    this.splitter = new CaptureSplitter(channel.captureMaxBytes);
  }

  record(data: Uint8Array, pid: number): boolean {
    return this.deliver(this.splitter.push(data), pid);
  }

  end(pid: number): void {
    this.deliver(this.splitter.end(), pid);
    this.channel.end();
  }

  onceWritable(callback: () => void): void {
    this.channel.onceWritable(callback);
  }

  private deliver(pieces: readonly CapturePiece[], pid: number): boolean {
    let more = true;
    for (const piece of pieces) {
      switch (piece.kind) {
        case 'output':
          more = this.channel.record(piece.data, pid) && more;
          break;
        case 'captured':
          more = this.channel.recordCaptured(piece.data, pid) && more;
          break;
        case 'communication':
          this.channel.communicate(piece.data, pid);
          break;
      }
    }
    return more;
  }
}
