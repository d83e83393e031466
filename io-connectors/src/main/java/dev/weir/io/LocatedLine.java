package dev.weir.io;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.util.SerializedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * One line of a text file with where it came from: what {@link TextIO#readWithLocation()} yields.
 *
 * @param file the file's path as the file pattern matched it; never null
 * @param lineNumber the 1-based number of the line in its (decompressed) file
 * @param line the line without its terminator; never null
 */
record LocatedLine(String file, long lineNumber, String line) implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  LocatedLine {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(line, "line");
  }

  /** Encodes a {@link LocatedLine} as its file, line number and line. Deterministic. */
  static final class LocatedLineCoder extends AtomicCoder<LocatedLine> {
    private static final long serialVersionUID = 1L;
    private static final LocatedLineCoder INSTANCE = new LocatedLineCoder();

    static LocatedLineCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(LocatedLine value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.file(), out);
      VarLongCoder.of().encode(value.lineNumber(), out);
      StringUtf8Coder.of().encode(value.line(), out);
    }

    @Override
    public LocatedLine decode(InputStream in) throws IOException {
      String file = StringUtf8Coder.of().decode(in);
      long lineNumber = VarLongCoder.of().decode(in);
      return new LocatedLine(file, lineNumber, StringUtf8Coder.of().decode(in));
    }

    /** Does nothing: each component's encoding is deterministic. */
    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
