package dev.weir.sdk.testing;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

/**
 * Where and under what name a {@link PAssert} assertion was declared, so that a failure seen on a
 * runner's worker thread points at the line of the test that declared it.
 *
 * <p>Immutable and serializable: it travels with the assertion's check to the runner.
 */
final class AssertionSite implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Classes whose frames are PAssert's own, skipped to find the caller's line. */
  private static final Set<String> INTERNAL_CLASSES = Set.of(
      PAssert.class.getName(),
      PCollectionContentsAssert.class.getName(),
      PCollectionSingletonAssert.class.getName(),
      AssertionSite.class.getName());

  private final String name;
  private final String reason;
  private final StackTraceElement[] callerStack;

  private AssertionSite(String name, String reason, StackTraceElement[] callerStack) {
    this.name = name;
    this.reason = reason;
    this.callerStack = callerStack;
  }

  /**
   * The site of the assertion being declared now, by the current thread, applied under {@code
   * name}; {@code reason} is the user's description, or null.
   */
  static AssertionSite capture(String name, String reason) {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int first = 0;
    while (first < stack.length && isInternal(stack[first])) {
      first++;
    }
    return new AssertionSite(name, reason, Arrays.copyOfRange(stack, first, stack.length));
  }

  private static boolean isInternal(StackTraceElement frame) {
    String className = frame.getClassName();
    int nested = className.indexOf('$');
    return INTERNAL_CLASSES.contains(nested < 0 ? className : className.substring(0, nested));
  }

  /** The name the assertion's transform was applied under, such as {@code PAssert$3}. */
  String name() {
    return name;
  }

  /**
   * The failure to throw for {@code failure} of this assertion: an {@link AssertionError} whose
   * message names the assertion, the {@code scope} it checked (such as {@code in window [0..10)
   * ON_TIME pane}; null for all the elements), the user's reason and the declaring line, followed
   * by what failed, and whose stack trace is that of the declaration. The original failure is its
   * cause, unless it is a {@link CheckFailure}, whose message is all it has to say.
   */
  AssertionError wrap(Throwable failure, String scope) {
    String detail = failure instanceof AssertionError ? failure.getMessage() : failure.toString();
    StringBuilder message = new StringBuilder(name).append(" failed");
    if (scope != null) {
      message.append(' ').append(scope);
    }
    if (reason != null) {
      message.append(" (").append(reason).append(')');
    }
    if (callerStack.length > 0) {
      message.append(", declared at ").append(callerStack[0]);
    }
    if (detail != null && !detail.isEmpty()) {
      message.append(detail.startsWith("\n") ? ":" : ": ").append(detail);
    }
    AssertionError error = failure instanceof CheckFailure
        ? new AssertionError(message.toString())
        : new AssertionError(message.toString(), failure);
    error.setStackTrace(callerStack.clone());
    return error;
  }

  @Override
  public String toString() {
    return name + (callerStack.length > 0 ? " declared at " + callerStack[0] : "");
  }
}
