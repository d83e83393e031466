package dev.weir.runners.direct.execution;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The checks {@code --enforceEncodability} and {@code --enforceImmutability} make on the elements
 * one bundle of a step reads and outputs.
 *
 * <p>Encodability: every output element is encoded with its collection's coder and decoded back;
 * the decoded value must use every byte, encode to the same bytes again (for a deterministic
 * coder) and equal the original (for a coder consistent with equals). Immutability: an input
 * element must encode the same after user code processed it as before, checked after each element
 * and again after the bundle; an output element must encode the same at the end of the bundle as
 * when it was output. Violations throw {@link IllegalArgumentException} (encodability) or
 * {@link IllegalStateException} (immutability) naming the step, the collection and the fix.
 *
 * <p>One instance per bundle; not thread-safe. With both checks off every method returns at once.
 */
public final class ElementChecks {
  private static final int MAX_SHOWN_CHARS = 200;

  private final String stepName;
  private final boolean immutability;
  private final boolean encodability;
  private final List<Checked<?>> inputs = new ArrayList<>();
  private final List<Checked<?>> outputs = new ArrayList<>();

  public ElementChecks(String stepName, ExecutionContext context) {
    this(stepName, context.enforceImmutability(), context.enforceEncodability());
  }

  ElementChecks(String stepName, boolean immutability, boolean encodability) {
    this.stepName = stepName;
    this.immutability = immutability;
    this.encodability = encodability;
  }

  /** Whether any check is on; callers may skip the per-element calls when not. */
  boolean isEnabled() {
    return immutability || encodability;
  }

  /** Called before user code sees {@code element} of {@code collection}; returns a handle for after. */
  public <T> Checked<T> beforeInput(PCollection<T> collection, T element) {
    if (!immutability) {
      return null;
    }
    try {
      Checked<T> checked = new Checked<>(collection, MutationDetector.of(collection.getCoder(), element), false);
      inputs.add(checked);
      return checked;
    } catch (CoderException | RuntimeException e) {
      throw notEncodable(collection, element, e, false);
    }
  }

  /** Called after user code processed the input {@code checked}; fails if it was mutated. */
  public void afterInput(Checked<?> checked) {
    if (checked != null) {
      verifyInput(checked);
    }
  }

  /** Called when the step outputs {@code element} to {@code collection}. */
  public <T> void onOutput(PCollection<T> collection, T element) {
    if (!isEnabled()) {
      return;
    }
    Coder<T> coder = collection.getCoder();
    byte[] encoded;
    T decoded;
    try {
      encoded = CoderUtils.encodeToByteArray(coder, element);
      decoded = encodability ? CoderUtils.decodeFromByteArray(coder, encoded) : null;
    } catch (CoderException | RuntimeException e) {
      throw notEncodable(collection, element, e, true);
    }
    if (encodability) {
      checkRoundTrip(collection, element, encoded, decoded);
    }
    if (immutability) {
      outputs.add(new Checked<>(collection, MutationDetector.ofEncoded(coder, element, encoded), true));
    }
  }

  /** Called when the bundle is done: fails if an input or an output was mutated meanwhile. */
  public void afterBundle() {
    inputs.forEach(this::verifyInput);
    for (Checked<?> output : outputs) {
      if (isMutated(output)) {
        throw new IllegalStateException(
            "Transform '" + stepName + "' mutated an element after outputting it to PCollection '"
                + output.collection.getName() + "': it was " + show(before(output)) + " when output and is now "
                + show(output.detector.element()) + ". Elements must not change once output. Fix: output a"
                + " copy, or build a new element for each output, instead of mutating one already output.");
      }
    }
    inputs.clear();
    outputs.clear();
  }

  private <T> void checkRoundTrip(PCollection<T> collection, T element, byte[] encoded, T decoded) {
    Coder<T> coder = collection.getCoder();
    if (isDeterministic(coder) && !Arrays.equals(encoded, reencode(collection, decoded))) {
      throw new IllegalArgumentException(
          "Transform '" + stepName + "' output " + show(element) + " to PCollection '" + collection.getName()
              + "', but its coder " + coder + " decodes it to " + show(decoded)
              + ", which encodes differently. Fix: make the coder encode every field of the element,"
              + " or set a coder that does with PCollection.setCoder(...).");
    }
    if (coder.consistentWithEquals() && !Objects.equals(element, decoded)) {
      throw new IllegalArgumentException(
          "Transform '" + stepName + "' output " + show(element) + " to PCollection '" + collection.getName()
              + "', but its coder " + coder + " decodes it to " + show(decoded) + ", which is not equal."
              + " Fix: make the coder encode every field of the element, or set one that does.");
    }
  }

  private <T> byte[] reencode(PCollection<T> collection, T decoded) {
    try {
      return CoderUtils.encodeToByteArray(collection.getCoder(), decoded);
    } catch (CoderException | RuntimeException e) {
      throw notEncodable(collection, decoded, e, true);
    }
  }

  private static boolean isDeterministic(Coder<?> coder) {
    try {
      coder.verifyDeterministic();
      return true;
    } catch (Coder.NonDeterministicException e) {
      return false;
    }
  }

  private void verifyInput(Checked<?> input) {
    if (isMutated(input)) {
      throw new IllegalStateException(
          "Transform '" + stepName + "' mutated an input element of PCollection '" + input.collection.getName()
              + "': it was " + show(before(input)) + " and is now " + show(input.detector.element())
              + ". Input elements are shared and must not change. Fix: copy the element and change the"
              + " copy instead of mutating it.");
    }
  }

  private boolean isMutated(Checked<?> checked) {
    try {
      return checked.detector.isMutated();
    } catch (CoderException | RuntimeException e) {
      throw notEncodable(checked.collection, checked.detector.element(), e, checked.output);
    }
  }

  private static Object before(Checked<?> checked) {
    try {
      return checked.detector.before();
    } catch (CoderException e) {
      return "(undecodable: " + e.getMessage() + ")";
    }
  }

  private IllegalArgumentException notEncodable(
      PCollection<?> collection, Object element, Exception cause, boolean output) {
    String what = output ? "output " + show(element) + " to" : "read " + show(element) + " of";
    return new IllegalArgumentException(
        "Transform '" + stepName + "' " + what + " PCollection '" + collection.getName()
            + "', but its coder " + collection.getCoder() + " cannot encode and decode it: " + cause
            + ". Fix: set a coder that can, with PCollection.setCoder(...).",
        cause);
  }

  private static String show(Object element) {
    String text = "'" + element + "'";
    return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...'";
  }

  /** An element under watch, with the collection it belongs to. */
  public static final class Checked<T> {
    private final PCollection<T> collection;
    private final MutationDetector<T> detector;
    private final boolean output;

    private Checked(PCollection<T> collection, MutationDetector<T> detector, boolean output) {
      this.collection = collection;
      this.detector = detector;
      this.output = output;
    }
  }
}
