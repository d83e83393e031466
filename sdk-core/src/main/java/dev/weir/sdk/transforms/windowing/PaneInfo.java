package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Which firing of a window produced an element: whether it was the first and/or last, whether it
 * came before (EARLY), at (ON_TIME) or after (LATE) the watermark passed the window's end, and
 * its position among the window's firings.
 *
 * <p>Immutable. Elements that did not come from a trigger firing carry {@link #NO_FIRING}.
 */
public final class PaneInfo {

  /** When a pane fired relative to the watermark. */
  public enum Timing {
    /** Before the watermark passed the end of the window. */
    EARLY,
    /** The firing caused by the watermark passing the end of the window. */
    ON_TIME,
    /** After the watermark passed the end of the window. */
    LATE,
    /** Not known (elements that did not come from a firing). */
    UNKNOWN
  }

  /** The pane of elements that were never grouped: first, last, timing unknown. */
  public static final PaneInfo NO_FIRING = new PaneInfo(true, true, Timing.UNKNOWN, 0, 0);

  /** The only pane of a window, fired on time: what the default trigger produces. */
  public static final PaneInfo ON_TIME_AND_ONLY_FIRING = new PaneInfo(true, true, Timing.ON_TIME, 0, 0);

  private final boolean isFirst;
  private final boolean isLast;
  private final Timing timing;
  private final long index;
  private final long nonSpeculativeIndex;

  private PaneInfo(boolean isFirst, boolean isLast, Timing timing, long index, long nonSpeculativeIndex) {
    this.isFirst = isFirst;
    this.isLast = isLast;
    this.timing = timing;
    this.index = index;
    this.nonSpeculativeIndex = nonSpeculativeIndex;
  }

  /** The first pane of a window with the given last-ness and timing. */
  public static PaneInfo createPane(boolean isFirst, boolean isLast, Timing timing) {
    checkArgument(isFirst, "A pane created without indices must be the first pane");
    return createPane(isFirst, isLast, timing, 0, timing == Timing.EARLY ? -1 : 0);
  }

  /**
   * A pane with explicit indices. {@code nonSpeculativeIndex} is -1 for EARLY panes, else the
   * count of ON_TIME and LATE panes before this one. For a first pane the indices are implied, as in
   * Beam: whatever is passed, it has index 0 and non-speculative index -1 if EARLY, else 0.
   */
  public static PaneInfo createPane(
      boolean isFirst, boolean isLast, Timing timing, long index, long nonSpeculativeIndex) {
    if (isFirst) {
      return first(isLast, timing);
    }
    checkArgument(index > 0, "a pane that is not the first has an index of at least 1, got %s", index);
    return new PaneInfo(false, isLast, timing, index, nonSpeculativeIndex);
  }

  private static PaneInfo first(boolean isLast, Timing timing) {
    if (isLast && timing == Timing.UNKNOWN) {
      return NO_FIRING;
    }
    if (isLast && timing == Timing.ON_TIME) {
      return ON_TIME_AND_ONLY_FIRING;
    }
    return new PaneInfo(true, isLast, timing, 0, timing == Timing.EARLY ? -1 : 0);
  }

  public boolean isFirst() {
    return isFirst;
  }

  public boolean isLast() {
    return isLast;
  }

  public Timing getTiming() {
    return timing;
  }

  /** The position of this pane among its window's panes, from 0. */
  public long getIndex() {
    return index;
  }

  /** The position among the window's ON_TIME and LATE panes, from 0; -1 for EARLY panes. */
  public long getNonSpeculativeIndex() {
    return nonSpeculativeIndex;
  }

  /** Whether the timing of this pane is unknown (it did not come from a trigger firing). */
  public boolean isUnknown() {
    return timing == Timing.UNKNOWN;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PaneInfo)) {
      return false;
    }
    PaneInfo p = (PaneInfo) o;
    return isFirst == p.isFirst
        && isLast == p.isLast
        && timing == p.timing
        && index == p.index
        && nonSpeculativeIndex == p.nonSpeculativeIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isFirst, isLast, timing, index, nonSpeculativeIndex);
  }

  @Override
  public String toString() {
    if (this == NO_FIRING) {
      return "PaneInfo.NO_FIRING";
    }
    return "PaneInfo{" + (isFirst ? "isFirst=true, " : "") + (isLast ? "isLast=true, " : "")
        + "timing=" + timing + ", index=" + index
        + (timing == Timing.EARLY ? "" : ", onTimeIndex=" + nonSpeculativeIndex) + "}";
  }

  /** Encodes a pane in one flag byte, then its indices unless it is one of the two common panes. */
  public static final class PaneInfoCoder extends Coder<PaneInfo> {
    private static final long serialVersionUID = 1L;
    /** The singleton instance. */
    public static final PaneInfoCoder INSTANCE = new PaneInfoCoder();

    private static final int NO_FIRING_TAG = 0;
    private static final int ON_TIME_ONLY_TAG = 1;
    private static final int GENERAL_TAG = 2;

    private PaneInfoCoder() {}

    @Override
    public void encode(PaneInfo pane, OutputStream out) throws IOException {
      if (pane == null) {
        throw new CoderException("cannot encode a null PaneInfo");
      }
      if (pane == NO_FIRING) {
        out.write(NO_FIRING_TAG);
        return;
      }
      if (pane == ON_TIME_AND_ONLY_FIRING) {
        out.write(ON_TIME_ONLY_TAG);
        return;
      }
      out.write(GENERAL_TAG);
      int flags = (pane.isFirst ? 1 : 0) | (pane.isLast ? 2 : 0) | (pane.timing.ordinal() << 2);
      out.write(flags);
      DataOutputStream data = new DataOutputStream(out);
      data.writeLong(pane.index);
      data.writeLong(pane.nonSpeculativeIndex);
      data.flush();
    }

    @Override
    public PaneInfo decode(InputStream in) throws IOException {
      int tag = in.read();
      switch (tag) {
        case NO_FIRING_TAG:
          return NO_FIRING;
        case ON_TIME_ONLY_TAG:
          return ON_TIME_AND_ONLY_FIRING;
        case GENERAL_TAG:
          int flags = in.read();
          if (flags < 0) {
            throw new CoderException("truncated PaneInfo");
          }
          if ((flags >> 2) >= Timing.values().length) {
            throw new CoderException("corrupt PaneInfo: flags " + flags + " name no timing");
          }
          DataInputStream data = new DataInputStream(in);
          long index = data.readLong();
          long nonSpeculative = data.readLong();
          return createPane(
              (flags & 1) != 0, (flags & 2) != 0, Timing.values()[flags >> 2], index, nonSpeculative);
        default:
          throw new CoderException("unknown PaneInfo encoding tag " + tag);
      }
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
