package dev.weir.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a file's bytes are compressed, as Beam's {@code org.apache.beam.sdk.io.Compression}: Weir
 * supports {@link #AUTO}, {@link #UNCOMPRESSED} and {@link #GZIP} (Beam's BZIP2, ZIP, ZSTD, LZO,
 * DEFLATE and SNAPPY are not available).
 *
 * <p>A compressed file can only be read from its start, so sources do not split it; an
 * uncompressed one is split by byte ranges. Where Beam's wrapping methods take and return byte
 * channels, Weir's take and return streams. Stateless and thread-safe.
 */
public enum Compression {
  /** Chosen per file by its extension ({@code .gz} is GZIP, anything else uncompressed). */
  AUTO("") {
    @Override
    public InputStream readDecompressed(InputStream in) {
      throw new IllegalStateException("AUTO has no format of its own: call detect(filename) first");
    }

    @Override
    public OutputStream writeCompressed(OutputStream out) {
      throw new IllegalStateException("AUTO has no format of its own: call detect(filename) first");
    }
  },

  /** The bytes as they are. */
  UNCOMPRESSED("") {
    @Override
    public InputStream readDecompressed(InputStream in) {
      return in;
    }

    @Override
    public OutputStream writeCompressed(OutputStream out) {
      return out;
    }
  },

  /**
   * Gzip, including files made of several concatenated gzip members. As in Beam, a file that does
   * not start with the gzip magic bytes is read as it is, so a mislabelled plain file still reads.
   */
  GZIP(".gz") {
    @Override
    public InputStream readDecompressed(InputStream in) throws IOException {
      InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
      buffered.mark(2);
      int first = buffered.read();
      int second = buffered.read();
      buffered.reset();
      boolean gzipped = first == (GZIPInputStream.GZIP_MAGIC & 0xff)
          && second == ((GZIPInputStream.GZIP_MAGIC >> 8) & 0xff);
      return gzipped ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
    }

    @Override
    public OutputStream writeCompressed(OutputStream out) throws IOException {
      return new GZIPOutputStream(out, 64 * 1024);
    }
  };

  private final String suggestedSuffix;

  Compression(String suggestedSuffix) {
    this.suggestedSuffix = suggestedSuffix;
  }

  /** The file extension this compression is recognised by ({@code ".gz"}), or "" if none. */
  public String getSuggestedSuffix() {
    return suggestedSuffix;
  }

  /** Whether {@code filename}'s extension names this compression; false for AUTO and UNCOMPRESSED. */
  public boolean matches(String filename) {
    return !suggestedSuffix.isEmpty() && filename.toLowerCase(Locale.ROOT).endsWith(suggestedSuffix);
  }

  /** Whether a file in this compression can be read from an offset other than its start. */
  public boolean isSplittable() {
    return this == UNCOMPRESSED;
  }

  /** The compression {@code filename}'s extension names: GZIP for {@code .gz}, else UNCOMPRESSED. */
  public static Compression detect(String filename) {
    return GZIP.matches(filename) ? GZIP : UNCOMPRESSED;
  }

  /** The compression to read {@code filename} with under this setting: AUTO detects, others stay. */
  Compression resolveFor(String filename) {
    return this == AUTO ? detect(filename) : this;
  }

  /**
   * Wraps {@code in}, positioned at the start of a file in this compression, into a stream of the
   * uncompressed bytes. Closing the result closes {@code in}.
   *
   * @throws IllegalStateException for AUTO, which must be {@linkplain #detect resolved} first
   */
  public abstract InputStream readDecompressed(InputStream in) throws IOException;

  /**
   * Wraps {@code out} into a stream that compresses what is written to it. Closing the result
   * finishes the compressed format and closes {@code out}.
   *
   * @throws IllegalStateException for AUTO, which must be {@linkplain #detect resolved} first
   */
  public abstract OutputStream writeCompressed(OutputStream out) throws IOException;
}
