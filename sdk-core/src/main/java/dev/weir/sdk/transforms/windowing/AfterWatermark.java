package dev.weir.sdk.transforms.windowing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * Fires when the watermark passes the end of the window (the ON_TIME pane), optionally with
 * early firings before it and late firings after it.
 */
public final class AfterWatermark {
  private AfterWatermark() {}

  /** Fires once, when the watermark passes the end of the window. */
  public static FromEndOfWindow pastEndOfWindow() {
    return new FromEndOfWindow();
  }

  /** The trigger {@link #pastEndOfWindow()} returns: one ON_TIME firing. */
  public static final class FromEndOfWindow extends Trigger.OnceTrigger {
    private static final long serialVersionUID = 1L;

    private FromEndOfWindow() {}

    /** Also fires early, each time {@code early} fires before the watermark passes the end of the window. */
    public AfterWatermarkEarlyAndLate withEarlyFirings(OnceTrigger early) {
      return new AfterWatermarkEarlyAndLate(Objects.requireNonNull(early, "early trigger"), null);
    }

    /** Also fires late, each time {@code late} fires after the watermark passed the end of the window. */
    public AfterWatermarkEarlyAndLate withLateFirings(OnceTrigger late) {
      return new AfterWatermarkEarlyAndLate(Never.ever(), Objects.requireNonNull(late, "late trigger"));
    }

    @Override
    public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
      return window.maxTimestamp();
    }

    @Override
    protected OnceTrigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
      return this;
    }

    @Override
    public String toString() {
      return "AfterWatermark.pastEndOfWindow()";
    }
  }

  /**
   * Early firings (repeated) until the watermark passes the end of the window, the ON_TIME firing
   * then, and late firings (repeated) after it. Without late firings it finishes after the ON_TIME
   * pane, so late data is dropped even within the allowed lateness.
   */
  public static final class AfterWatermarkEarlyAndLate extends Trigger {
    private static final long serialVersionUID = 1L;

    private final boolean hasLate;

    private AfterWatermarkEarlyAndLate(OnceTrigger early, OnceTrigger late) {
      super(subTriggers(early, late));
      this.hasLate = late != null;
    }

    private static List<Trigger> subTriggers(OnceTrigger early, OnceTrigger late) {
      List<Trigger> subs = new ArrayList<>();
      subs.add(new FromEndOfWindow());
      subs.add(early);
      if (late != null) {
        subs.add(late);
      }
      return subs;
    }

    /** Replaces the early firings. */
    public AfterWatermarkEarlyAndLate withEarlyFirings(OnceTrigger early) {
      return new AfterWatermarkEarlyAndLate(Objects.requireNonNull(early, "early trigger"), getLateTrigger());
    }

    /** Replaces the late firings. */
    public AfterWatermarkEarlyAndLate withLateFirings(OnceTrigger late) {
      return new AfterWatermarkEarlyAndLate(getEarlyTrigger(), Objects.requireNonNull(late, "late trigger"));
    }

    /** The trigger of early firings ({@code Never.ever()} when there are none). */
    public OnceTrigger getEarlyTrigger() {
      return (OnceTrigger) subTriggers.get(1);
    }

    /** The trigger of late firings, or null when there are none. */
    public OnceTrigger getLateTrigger() {
      return hasLate ? (OnceTrigger) subTriggers.get(2) : null;
    }

    @Override
    public Instant getWatermarkThatGuaranteesFiring(BoundedWindow window) {
      return window.maxTimestamp();
    }

    @Override
    protected Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers) {
      OnceTrigger early = (OnceTrigger) continuationOfSubTriggers.get(1);
      OnceTrigger late = hasLate ? (OnceTrigger) continuationOfSubTriggers.get(2) : null;
      return new AfterWatermarkEarlyAndLate(early, late);
    }

    @Override
    public boolean mayFinish() {
      return !hasLate;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AfterWatermarkEarlyAndLate
          && hasLate == ((AfterWatermarkEarlyAndLate) o).hasLate
          && subTriggers.equals(((AfterWatermarkEarlyAndLate) o).subTriggers);
    }

    @Override
    public int hashCode() {
      return Objects.hash(AfterWatermarkEarlyAndLate.class, subTriggers, hasLate);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("AfterWatermark.pastEndOfWindow()");
      if (!(getEarlyTrigger() instanceof Never.NeverTrigger)) {
        s.append(".withEarlyFirings(").append(getEarlyTrigger()).append(")");
      }
      if (hasLate) {
        s.append(".withLateFirings(").append(getLateTrigger()).append(")");
      }
      return s.toString();
    }
  }
}
