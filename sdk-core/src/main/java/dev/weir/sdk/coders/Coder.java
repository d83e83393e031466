package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Turns values of type {@code T} into bytes and back: the only way Weir moves, stores or
 * compares elements across a boundary (a shuffle, a state snapshot, an offset log).
 *
 * <p>Contract: encodings are self-delimiting, so coders compose (a {@code KvCoder} writes its
 * key then its value with no framing of its own); {@code decode(encode(x))} equals {@code x};
 * a coder is immutable, thread-safe and {@link Serializable}. A coder that is
 * {@linkplain #verifyDeterministic() deterministic} maps equal values to equal bytes, which
 * is what grouping by key requires.
 *
 * @param <T> the type of values this coder encodes
 */
public abstract class Coder<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Writes {@code value} to {@code out}, self-delimited. */
  public abstract void encode(T value, OutputStream out) throws CoderException, IOException;

  /** Reads one value written by {@link #encode} from {@code in}. */
  public abstract T decode(InputStream in) throws CoderException, IOException;

  /** The coders this coder is built from (a {@code KvCoder}'s key and value coders), or empty. */
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  /**
   * Throws {@link NonDeterministicException} unless equal values always encode to equal bytes.
   * The message says which coder (or component) is not deterministic and why.
   */
  public abstract void verifyDeterministic() throws NonDeterministicException;

  /**
   * Throws a {@link NonDeterministicException} naming {@code target} and {@code message} if any of
   * {@code coders} is not deterministic; for composite coders, whose determinism is that of their
   * components.
   */
  public static void verifyDeterministic(Coder<?> target, String message, Iterable<? extends Coder<?>> coders)
      throws NonDeterministicException {
    for (Coder<?> coder : coders) {
      try {
        coder.verifyDeterministic();
      } catch (NonDeterministicException e) {
        throw new NonDeterministicException(target, message, e);
      }
    }
  }

  /** Varargs form of {@link #verifyDeterministic(Coder, String, Iterable)}. */
  public static void verifyDeterministic(Coder<?> target, String message, Coder<?>... coders)
      throws NonDeterministicException {
    verifyDeterministic(target, message, Arrays.asList(coders));
  }

  /** Whether {@code equals} on decoded values agrees with equality of their encodings. */
  public boolean consistentWithEquals() {
    return false;
  }

  /**
   * A value whose {@code equals} stands for equality of encodings: two elements with equal
   * encodings have equal structural values. It is the value itself where {@link
   * #consistentWithEquals()}, by default a wrapper of the encoding otherwise; composite coders
   * override this to combine their components' structural values without encoding.
   */
  public Object structuralValue(T value) {
    if (value != null && consistentWithEquals()) {
      return value;
    }
    try {
      return new StructuralByteArray(CoderUtils.encodeToByteArray(this, value));
    } catch (CoderException e) {
      throw new IllegalArgumentException("Unable to encode element '" + value + "' with coder " + this, e);
    }
  }

  /** The type this coder encodes, when known; coder inference uses it. */
  public TypeDescriptor<T> getEncodedTypeDescriptor() {
    @SuppressWarnings("unchecked")
    TypeDescriptor<T> type = (TypeDescriptor<T>) TypeDescriptor.of(Object.class);
    return type;
  }

  @Override
  public String toString() {
    List<? extends Coder<?>> args = getCoderArguments();
    return args.isEmpty() ? getClass().getSimpleName() : getClass().getSimpleName() + args;
  }

  /** Signals that a coder does not produce one encoding per value; the message says why. */
  public static class NonDeterministicException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Coder<?> coder;

    public NonDeterministicException(Coder<?> coder, String reason) {
      super(coder + " is not deterministic: " + reason);
      this.coder = coder;
    }

    public NonDeterministicException(Coder<?> coder, String reason, NonDeterministicException cause) {
      super(coder + " is not deterministic: " + reason, cause);
      this.coder = coder;
    }

    /** The coder that is not deterministic, or null after deserialization. */
    public Coder<?> getCoder() {
      return coder;
    }
  }

  /**
   * Equality by content for byte arrays, used as a structural value. The array is owned by this
   * value once given and must not change: its hash is computed once.
   */
  public static final class StructuralByteArray {
    private final byte[] bytes;
    /** The hash of {@code bytes}, once asked; 0 until then. Racy like String's: every thread computes the same value. */
    private int hash;

    public StructuralByteArray(byte[] bytes) {
      this.bytes = bytes;
    }

    public byte[] getValue() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StructuralByteArray && Arrays.equals(bytes, ((StructuralByteArray) o).bytes);
    }

    @Override
    public int hashCode() {
      // Grouping keys are hashed per value into maps; a key's bytes never change once encoded.
      int h = hash;
      if (h == 0) {
        h = Arrays.hashCode(bytes);
        hash = h;
      }
      return h;
    }

    @Override
    public String toString() {
      return "StructuralByteArray" + Arrays.toString(bytes);
    }
  }
}
