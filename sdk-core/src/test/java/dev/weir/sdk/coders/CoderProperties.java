package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Checks of the {@link Coder} contract for use in coder tests: round trips that prove an encoding
 * is self-delimiting and survives a stream that hands out one byte per read, determinism of equal
 * values, and serializability of the coder itself. Every check fails with a JUnit assertion error
 * naming the coder and the value.
 */
public final class CoderProperties {
  private static final int SENTINEL = 0xA5;

  private CoderProperties() {}

  /** The encoding of {@code value}. */
  public static <T> byte[] encode(Coder<T> coder, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(value, out);
    return out.toByteArray();
  }

  /**
   * Encodes {@code value}, appends a sentinel byte, decodes it through a stream that returns at
   * most one byte per read, and checks that exactly the sentinel is left; returns the decoded value.
   */
  public static <T> T decodeEncode(Coder<T> coder, T value) throws IOException {
    byte[] bytes = encode(coder, value);
    byte[] framed = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, framed, 0, bytes.length);
    framed[bytes.length] = (byte) SENTINEL;
    InputStream in = new OneByteAtATimeInputStream(new ByteArrayInputStream(framed));
    T decoded = coder.decode(in);
    assertEquals(SENTINEL, in.read(), coder + " did not read exactly its own encoding of " + describe(value));
    assertEquals(-1, in.read(), coder + " did not read exactly its own encoding of " + describe(value));
    return decoded;
  }

  /** Checks that {@code value} decodes back to an equal value (arrays compared by content). */
  public static <T> void coderDecodeEncodeEqual(Coder<T> coder, T value) throws IOException {
    T decoded = decodeEncode(coder, value);
    assertTrue(
        Objects.deepEquals(value, decoded),
        coder + " decoded " + describe(value) + " as " + describe(decoded));
  }

  /** Checks that two values written back to back into one stream decode as themselves, in order. */
  public static <T> void coderDecodesBackToBack(Coder<T> coder, T first, T second) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(first, out);
    coder.encode(second, out);
    InputStream in = new OneByteAtATimeInputStream(new ByteArrayInputStream(out.toByteArray()));
    T decodedFirst = coder.decode(in);
    T decodedSecond = coder.decode(in);
    assertTrue(Objects.deepEquals(first, decodedFirst), coder + " decoded the first value as " + describe(decodedFirst));
    assertTrue(
        Objects.deepEquals(second, decodedSecond), coder + " decoded the second value as " + describe(decodedSecond));
    assertEquals(-1, in.read(), coder + " left bytes after two values");
  }

  /** Checks that {@code a} and {@code b}, which must be equal, encode to the same bytes. */
  public static <T> void coderDeterministic(Coder<T> coder, T a, T b) throws IOException {
    assertEquals(a, b, "coderDeterministic needs equal values");
    assertArrayEquals(encode(coder, a), encode(coder, b), coder + " encoded equal values differently");
  }

  /** Checks that the coder survives Java serialization as an equal coder that still round-trips. */
  public static <T> void coderSerializable(Coder<T> coder, T sample) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(coder);
    }
    Object copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }
    assertEquals(coder, copy, "a deserialized " + coder + " is not equal to the original");
    @SuppressWarnings("unchecked")
    Coder<T> copiedCoder = (Coder<T>) copy;
    coderDecodeEncodeEqual(copiedCoder, sample);
  }

  /** Checks that values with equal encodings have equal structural values, and unequal ones do not. */
  public static <T> void structuralValueMatchesEncoding(Coder<T> coder, T a, T b) throws IOException {
    boolean sameBytes = Arrays.equals(encode(coder, a), encode(coder, b));
    boolean sameStructure = coder.structuralValue(a).equals(coder.structuralValue(b));
    assertEquals(sameBytes, sameStructure,
        coder + ": encodings equal=" + sameBytes + " but structural values equal=" + sameStructure
            + " for " + describe(a) + " and " + describe(b));
    if (sameStructure) {
      assertEquals(coder.structuralValue(a).hashCode(), coder.structuralValue(b).hashCode(),
          coder + ": equal structural values with different hash codes");
    }
  }

  private static String describe(Object value) {
    if (value instanceof byte[]) {
      return Arrays.toString((byte[]) value);
    }
    return String.valueOf(value);
  }

  /** Returns at most one byte per read, as a slow network stream may. */
  private static final class OneByteAtATimeInputStream extends FilterInputStream {
    OneByteAtATimeInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return super.read(buffer, offset, Math.min(length, 1));
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
