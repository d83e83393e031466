package dev.weir.runtime.grouping;

import dev.weir.runtime.windowing.WindowExpiry;

import static com.google.common.base.Verify.verify;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Window.ClosingBehavior;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Decides how far one window holds back the output watermark, and the timestamp of each pane it
 * emits: Beam's {@code WatermarkHold} rules, as pure functions of a {@link Holds} value.
 *
 * <p>A window holds in two places, and its hold is the earlier of them:
 * <ul>
 *   <li>the <em>element hold</em>: for each element that is on time for it, the strategy's
 *       {@link TimestampCombiner} assigns {@code combiner.assign(window, timestamp)} (the element's
 *       timestamp for EARLIEST and LATEST, the window's max timestamp for END_OF_WINDOW) and
 *       combines the assignments (earliest, latest, latest). An element is too late for an element
 *       hold if that assignment is before the output watermark, or the window's max timestamp is
 *       before the input watermark;
 *   <li>the <em>extra hold</em>, at the window's garbage-collection time: placed for an element too
 *       late for an element hold, after every window merge, and after a non-final pane when the
 *       strategy's closing behavior is FIRE_ALWAYS (so the final, possibly empty, pane is not late
 *       downstream); never when the garbage-collection time is before the input watermark. (Beam
 *       also caps this hold below the end of time; garbage-collection times here never exceed the
 *       end of the global window, so the cap is not needed.)
 * </ul>
 * A pane's timestamp is the window's hold when it fires, or the window's max timestamp if there is
 * none or it lies after the window (a garbage-collection hold). Firing clears both holds.
 * Stateless and thread-safe.
 */
final class WatermarkHold {
  private final TimestampCombiner combiner;
  private final ClosingBehavior closingBehavior;
  private final WindowExpiry expiry;

  WatermarkHold(WindowingStrategy<?, ?> strategy) {
    this.combiner = strategy.getTimestampCombiner();
    this.closingBehavior = strategy.getClosingBehavior();
    this.expiry = new WindowExpiry(strategy.getAllowedLateness());
  }

  /** The holds of {@code window} after an element at {@code timestamp} arrived in it. */
  Holds addElement(Holds holds, BoundedWindow window, Instant timestamp, Clocks clocks) {
    Instant elementHold = elementHold(window, timestamp, clocks);
    if (elementHold != null) {
      Instant combined = holds.element() == null ? elementHold : combiner.combine(holds.element(), elementHold);
      return new Holds(combined, holds.extra());
    }
    return withGarbageCollectionHold(holds, window, clocks.inputWatermark());
  }

  /**
   * The holds of {@code result}, made from the holds of the windows merged into it (at least one):
   * element holds merge by the combiner (END_OF_WINDOW re-derives the hold from the merged window),
   * and a garbage-collection hold is placed for the merged window.
   */
  Holds merge(List<Holds> sources, BoundedWindow result, Clocks clocks) {
    Instant element;
    if (combiner.dependsOnlyOnWindow()) {
      element = elementHold(result, BoundedWindow.TIMESTAMP_MIN_VALUE, clocks);
    } else {
      List<Instant> elementHolds = new ArrayList<>();
      for (Holds source : sources) {
        if (source.element() != null) {
          elementHolds.add(source.element());
        }
      }
      element = elementHolds.isEmpty() ? null : combiner.merge(result, elementHolds);
    }
    return withGarbageCollectionHold(new Holds(element, null), result, clocks.inputWatermark());
  }

  /**
   * The timestamp of the pane {@code window} emits now, and the holds left once it is emitted:
   * none, or, unless the pane is final, a garbage-collection hold where FIRE_ALWAYS needs one.
   */
  Release release(Holds holds, BoundedWindow window, boolean isFinal, Instant inputWatermark) {
    Instant hold = holds.combined();
    Instant outputTimestamp = hold == null || hold.isAfter(window.maxTimestamp()) ? window.maxTimestamp() : hold;
    Holds remaining = Holds.NONE;
    if (!isFinal && closingBehavior == ClosingBehavior.FIRE_ALWAYS) {
      remaining = withGarbageCollectionHold(Holds.NONE, window, inputWatermark);
      verify(remaining.extra() == null || !remaining.extra().isBefore(inputWatermark),
          "a new hold %s is before the input watermark %s", remaining.extra(), inputWatermark);
    }
    return new Release(outputTimestamp, remaining);
  }

  private Instant elementHold(BoundedWindow window, Instant timestamp, Clocks clocks) {
    Instant assigned = combiner.assign(window, timestamp);
    if (assigned.isBefore(clocks.outputWatermark()) || window.maxTimestamp().isBefore(clocks.inputWatermark())) {
      return null;
    }
    return assigned;
  }

  private Holds withGarbageCollectionHold(Holds holds, BoundedWindow window, Instant inputWatermark) {
    Instant gcHold = expiry.garbageCollectionTime(window);
    if (gcHold.isBefore(inputWatermark)) {
      return holds;
    }
    Instant extra = holds.extra() == null || gcHold.isBefore(holds.extra()) ? gcHold : holds.extra();
    return new Holds(holds.element(), extra);
  }

  /**
   * The input and output watermark of the grouping step, as the hold rules see them.
   *
   * @param inputWatermark the input watermark, never null
   * @param outputWatermark the output watermark, never null (the minimum timestamp when unknown)
   */
  record Clocks(Instant inputWatermark, Instant outputWatermark) {}

  /**
   * What firing a pane gives: its timestamp, and the holds the window keeps afterwards.
   *
   * @param outputTimestamp the pane's timestamp, never null
   * @param remaining the holds left, never null
   */
  record Release(Instant outputTimestamp, Holds remaining) {}
}
