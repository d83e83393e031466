package dev.weir.runners.continuous;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.Instant;

/**
 * The progress counters of one subtask: records in and out, time blocked on full channels, and its
 * input watermark. Written by the subtask's own thread, read by anyone (progress lines, the result).
 */
final class TaskStats {
  final AtomicLong recordsIn = new AtomicLong();
  final AtomicLong recordsOut = new AtomicLong();
  final AtomicLong blockedNanos = new AtomicLong();
  private volatile Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  Instant inputWatermark() {
    return inputWatermark;
  }

  void setInputWatermark(Instant watermark) {
    this.inputWatermark = watermark;
  }
}
