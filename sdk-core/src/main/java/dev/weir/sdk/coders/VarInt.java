package dev.weir.sdk.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Variable-length unsigned integers, seven bits per byte, least significant group first; the high
 * bit of a byte says another byte follows. Negative numbers are treated as unsigned, so they take
 * the maximum length (5 bytes for an {@code int}, 10 for a {@code long}).
 *
 * <p>Stateless and thread-safe. Decoding fails with a {@link CoderException} on a truncated or
 * overlong encoding, never with a bare {@link java.io.EOFException}.
 */
final class VarInt {
  private static final int MAX_LONG_BYTES = 10;

  private VarInt() {}

  static void encode(int value, OutputStream out) throws IOException {
    encode(value & 0xFFFFFFFFL, out);
  }

  static void encode(long value, OutputStream out) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  /** Reads a value written by {@link #encode(int, OutputStream)}. */
  static int decodeInt(InputStream in) throws IOException {
    long value = decodeLong(in);
    if ((value >>> 32) != 0) {
      throw new CoderException("varint " + Long.toUnsignedString(value) + " does not fit in 32 bits");
    }
    return (int) value;
  }

  /** Reads a value written by {@link #encode(long, OutputStream)}. */
  static long decodeLong(InputStream in) throws IOException {
    long result = 0;
    for (int i = 0; i < MAX_LONG_BYTES; i++) {
      int b = in.read();
      if (b < 0) {
        throw new CoderException("stream ended inside a varint");
      }
      result |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new CoderException("varint longer than " + MAX_LONG_BYTES + " bytes");
  }

  /** Reads a non-negative varint length prefix, naming {@code what} it measures on failure. */
  static int decodeLength(InputStream in, String what) throws IOException {
    int length = decodeInt(in);
    if (length < 0) {
      throw new CoderException("negative " + what + " " + length + ": the input is corrupt");
    }
    return length;
  }

  /** Reads exactly {@code length} bytes, failing with a {@link CoderException} if fewer remain. */
  static byte[] readBytes(InputStream in, int length) throws IOException {
    // readNBytes grows its buffer as data arrives, so a corrupt huge length cannot allocate eagerly.
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new CoderException("stream ended after " + bytes.length + " of " + length + " expected bytes");
    }
    return bytes;
  }

  /** Reads one byte, failing with a {@link CoderException} at end of stream. */
  static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new CoderException("stream ended where a byte was expected");
    }
    return b;
  }
}
