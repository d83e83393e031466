package dev.weir.runners.continuous;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.VarLongCoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and reads the sections of a subtask's state: section 0 says whether the subtask had
 * ended ({@code {1}}) or runs ({@code {0}}); the others are encoded by coders, in an order each
 * kind of subtask fixes (runner-continuous/README.md lists them). Not thread-safe.
 */
final class StateSections {
  private final List<byte[]> sections = new ArrayList<>();

  private StateSections() {
    sections.add(new byte[] {0});
  }

  /** The sections of a running subtask, to be filled in order. */
  static StateSections running() {
    return new StateSections();
  }

  StateSections add(byte[] section) {
    sections.add(section);
    return this;
  }

  <T> StateSections add(Coder<T> coder, T value) {
    return add(encode(coder, value));
  }

  StateSections addLong(long value) {
    return add(VarLongCoder.of(), value);
  }

  List<byte[]> build() {
    return List.copyOf(sections);
  }

  static <T> byte[] encode(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("Could not encode " + value + " with " + coder + " for a checkpoint: " + e, e);
    }
  }

  static <T> T decode(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("A checkpoint section does not decode with " + coder + ": " + e, e);
    }
  }

  static long decodeLong(byte[] bytes) {
    return decode(VarLongCoder.of(), bytes);
  }
}
