package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.PCollection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a collection's elements an assertion checks: all of them (an assertion made by {@code
 * PAssert.that(...)} and the like), or those of one window and some of its panes ({@code
 * inWindow(...)}, {@code inOnTimePane(...)}, ...), with Beam's rules for each.
 *
 * <p>The rules, by pane timing: {@link Panes#ON_TIME} keeps ON_TIME panes only; {@link Panes#EARLY}
 * EARLY panes only; {@link Panes#LATE} LATE panes only; {@link Panes#NON_LATE} every pane that is
 * not LATE, including panes of UNKNOWN timing such as {@link PaneInfo#NO_FIRING}; {@link
 * Panes#FINAL} every pane marked last (so also {@code NO_FIRING}); {@link Panes#ONLY} every element,
 * but fails the check if one is not in a pane that is both first and last.
 *
 * <p>Immutable and serializable: it travels with the assertion's check. The window is held encoded
 * with the collection's window coder, because windows need not be serializable; windows are
 * compared with {@code equals} after decoding.
 */
final class AssertionScope implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which panes of the window a scoped assertion checks. */
  enum Panes {
    ALL("all panes"),
    ONLY("only pane"),
    ON_TIME("ON_TIME pane"),
    FINAL("final pane"),
    EARLY("EARLY panes"),
    LATE("LATE panes"),
    NON_LATE("non-LATE panes combined");

    private final String description;

    Panes(String description) {
      this.description = description;
    }

    boolean includes(PaneInfo pane) {
      switch (this) {
        case ON_TIME:
          return pane.getTiming() == PaneInfo.Timing.ON_TIME;
        case FINAL:
          return pane.isLast();
        case EARLY:
          return pane.getTiming() == PaneInfo.Timing.EARLY;
        case LATE:
          return pane.getTiming() == PaneInfo.Timing.LATE;
        case NON_LATE:
          return pane.getTiming() != PaneInfo.Timing.LATE;
        default:
          return true;
      }
    }
  }

  private static final AssertionScope EVERYTHING = new AssertionScope(null, null, null, Panes.ALL, null);

  private final Coder<BoundedWindow> windowCoder;
  private final byte[] encodedWindow;
  private final String windowDescription;
  private final Panes panes;
  private final String collection;

  private AssertionScope(
      Coder<BoundedWindow> windowCoder, byte[] encodedWindow, String windowDescription, Panes panes, String collection) {
    this.windowCoder = windowCoder;
    this.encodedWindow = encodedWindow;
    this.windowDescription = windowDescription;
    this.panes = panes;
    this.collection = collection;
  }

  /** Every element, in every window and pane. */
  static AssertionScope everything() {
    return EVERYTHING;
  }

  /**
   * The elements of {@code actual} in {@code window} and its {@code panes}. {@code method} names
   * the scoping method called, for the {@link IllegalArgumentException} thrown when {@code window}
   * is not a window of {@code actual}'s {@code WindowFn} (its window coder cannot encode it, or
   * decodes another window from it).
   */
  static AssertionScope of(PCollection<?> actual, BoundedWindow window, Panes panes, String method) {
    checkNotNull(window, "window");
    WindowFn<?, ?> windowFn = actual.getWindowingStrategy().getWindowFn();
    @SuppressWarnings("unchecked") // checked below: a window the coder cannot round-trip is rejected
    Coder<BoundedWindow> windowCoder = (Coder<BoundedWindow>) windowFn.windowCoder();
    byte[] encoded;
    try {
      encoded = CoderUtils.encodeToByteArray(windowCoder, window);
      if (!window.equals(CoderUtils.decodeFromByteArray(windowCoder, encoded))) {
        throw new CoderException("it decodes to another window");
      }
    } catch (CoderException | RuntimeException e) {
      throw new IllegalArgumentException(
          "PAssert " + method + ": " + window + " (a " + window.getClass().getSimpleName()
              + ") is not a window of PCollection '" + actual.getName() + "', whose WindowFn " + windowFn
              + " makes windows encoded by " + windowCoder + " (" + e.getMessage() + ")."
              + " Fix: pass a window of the kind that WindowFn assigns.",
          e);
    }
    return new AssertionScope(windowCoder, encoded, window.toString(), panes, actual.getName());
  }

  /** Whether this scope checks elements of one window only. */
  boolean isWindowed() {
    return encodedWindow != null;
  }

  /**
   * What this scope checks, for failure messages, such as {@code in window [0..10) ON_TIME pane};
   * null for {@link #everything()}.
   */
  String description() {
    return isWindowed() ? "in window " + windowDescription + " " + panes.description : null;
  }

  /**
   * The values of the {@code gathered} elements in this scope, in their order. Throws {@link
   * CheckFailure} if the scope is a window's only pane and an element of that window is in a pane
   * that is not both first and last.
   */
  <T> List<T> select(Iterable<ValueInPane<T>> gathered) {
    BoundedWindow window = isWindowed() ? decodeWindow() : null;
    List<T> values = new ArrayList<>();
    for (ValueInPane<T> element : gathered) {
      if (window != null && !window.equals(element.window())) {
        continue;
      }
      if (panes == Panes.ONLY && !(element.pane().isFirst() && element.pane().isLast())) {
        throw new CheckFailure(
            "expected the elements of PCollection '" + collection + "' in window " + windowDescription
                + " to be in its only pane (a trigger that fires at most once), but " + element.value()
                + " is in " + element.pane() + ", which is not the "
                + (element.pane().isFirst() ? "last" : "first") + " pane");
      }
      if (panes.includes(element.pane())) {
        values.add(element.value());
      }
    }
    return values;
  }

  private BoundedWindow decodeWindow() {
    try {
      return CoderUtils.decodeFromByteArray(windowCoder, encodedWindow);
    } catch (CoderException e) {
      throw new IllegalStateException("Window coder " + windowCoder + " cannot decode what it encoded: " + e, e);
    }
  }
}
