package dev.weir.sdk.coders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Byte-array conversions through a coder, wrapping I/O failures in {@link CoderException}. */
public final class CoderUtils {
  private CoderUtils() {}

  /** The encoding of {@code value}; never null. */
  public static <T> byte[] encodeToByteArray(Coder<T> coder, T value) throws CoderException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      coder.encode(value, out);
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("Unable to encode with " + coder, e);
    }
    return out.toByteArray();
  }

  /** Decodes a value that must use every byte of {@code bytes}. */
  public static <T> T decodeFromByteArray(Coder<T> coder, byte[] bytes) throws CoderException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    T value;
    try {
      value = coder.decode(in);
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("Unable to decode with " + coder, e);
    }
    if (in.available() != 0) {
      throw new CoderException(
          coder + " left " + in.available() + " of " + bytes.length + " bytes unread while decoding");
    }
    return value;
  }

  /** A copy of {@code value} made by encoding and decoding it. */
  public static <T> T clone(Coder<T> coder, T value) throws CoderException {
    return decodeFromByteArray(coder, encodeToByteArray(coder, value));
  }
}
