package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import org.joda.time.Instant;

/**
 * Describes the next pane of a window from the pane before it and the watermarks: Beam's rule for
 * first/last, timing and indices. Stateless; the previous pane is kept by the caller.
 *
 * <p>Timing follows {@code EARLY* ON_TIME? LATE*}:
 * <ul>
 *   <li>LATE if the output watermark is already past the window's max timestamp (no timestamp the
 *       pane could carry would be on time downstream), or a non-EARLY pane was emitted before;
 *   <li>otherwise EARLY while the input watermark is at or before the window's max timestamp;
 *   <li>otherwise ON_TIME: the one pane fired once the input watermark passed the window's end.
 * </ul>
 * The index counts every emitted pane from 0; the non-speculative index is -1 for EARLY panes and
 * otherwise counts the ON_TIME and LATE panes from 0.
 */
final class PaneInfoTracker {
  private PaneInfoTracker() {}

  /**
   * The pane that follows {@code previous} (null if none was emitted) for a window ending at
   * {@code windowMaxTimestamp}; {@code isFinal} when no pane can follow it.
   *
   * @throws IllegalStateException if {@code previous} was already the last pane
   */
  static PaneInfo nextPane(
      PaneInfo previous, Instant windowMaxTimestamp, Instant inputWatermark, Instant outputWatermark,
      boolean isFinal) {
    boolean isFirst = previous == null;
    checkState(isFirst || !previous.isLast(), "a pane was asked for after the last pane %s", previous);
    long index = isFirst ? 0 : previous.getIndex() + 1;
    long nonSpeculativeIndex = isFirst ? 0 : previous.getNonSpeculativeIndex() + 1;
    boolean lateForOutput = windowMaxTimestamp.isBefore(outputWatermark);
    boolean onlyEarlySoFar = isFirst || previous.getTiming() == Timing.EARLY;
    Timing timing;
    if (lateForOutput || !onlyEarlySoFar) {
      timing = Timing.LATE;
    } else if (!inputWatermark.isAfter(windowMaxTimestamp)) {
      timing = Timing.EARLY;
      nonSpeculativeIndex = -1;
    } else {
      timing = Timing.ON_TIME;
    }
    return PaneInfo.createPane(isFirst, isFinal, timing, index, nonSpeculativeIndex);
  }
}
