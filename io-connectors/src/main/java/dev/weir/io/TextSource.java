package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The lines of the files a pattern matches, as a {@link BoundedSource} that splits per file and,
 * for uncompressed files, by byte ranges.
 *
 * <p>A source is either a <em>pattern</em> (every file the pattern matches, in name order) or one
 * <em>range</em> {@code [start, end)} of one file. A range owns exactly the lines that start at an
 * offset {@code p} with {@code start <= p < end}; its reader reads the last such line past
 * {@code end}. Since a line starts at offset 0 or right after a terminator, a range starting at
 * {@code s > 0} begins reading at {@code s - 1} and skips through the first terminator, which
 * handles ranges that start mid-line and between the two bytes of {@code \r\n}. The ranges of a
 * split tile the file, so every line is read exactly once. Compressed files are read whole.
 *
 * <p>Immutable and serializable. Matching happens in {@link #validate()} (at pipeline
 * construction), again when splitting or reading a pattern, and fails with a message naming the
 * pattern when nothing matches.
 */
final class TextSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;
  private static final long TO_END_OF_FILE = Long.MAX_VALUE;

  private final FilePattern pattern;
  private final Compression compression;
  /** The one file of a range source; null for a pattern source. */
  private final String file;
  private final long start;
  private final long end;

  private TextSource(FilePattern pattern, Compression compression, String file, long start, long end) {
    this.pattern = pattern;
    this.compression = Objects.requireNonNull(compression, "compression");
    this.file = file;
    this.start = start;
    this.end = end;
  }

  /** The lines of every file {@code filepattern} matches. */
  static TextSource fromPattern(String filepattern, Compression compression) {
    return new TextSource(new FilePattern(filepattern), compression, null, 0, TO_END_OF_FILE);
  }

  /**
   * The lines starting in {@code [start, end)} of {@code file}; {@code end} may be
   * {@link Long#MAX_VALUE} for "to the end". A compressed file's range must be the whole file.
   */
  static TextSource forRange(Path file, Compression compression, long start, long end) {
    Compression resolved = compression.resolveFor(file.toString());
    checkArgument(0 <= start && start <= end, "invalid range [%s, %s) of %s", start, end, file);
    checkArgument(resolved.isSplittable() || (start == 0 && end == TO_END_OF_FILE),
        "%s is %s-compressed and can only be read whole", file, resolved);
    return new TextSource(null, resolved, file.toString(), start, end);
  }

  @Override
  public void validate() {
    if (file != null) {
      return;
    }
    List<Path> files = matchOrFail();
    if (files.isEmpty()) {
      String hint = pattern.namesDirectory()
          ? " It is a directory: to read the files in it, use '" + pattern + "/*'."
          : " Fix: check the path, or that the files exist before the pipeline is built.";
      throw new IllegalArgumentException(
          "TextIO.read().from(\"" + pattern + "\"): no file matched the pattern '" + pattern + "'." + hint);
    }
  }

  private List<Path> matchOrFail() {
    try {
      return pattern.match();
    } catch (IOException e) {
      throw new IllegalArgumentException("TextIO.read(): " + e.getMessage(), e);
    }
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public List<TextSource> split(long desiredBundleSizeBytes, PipelineOptions options) throws IOException {
    long chunk = Math.max(1, desiredBundleSizeBytes);
    List<TextSource> parts = new ArrayList<>();
    if (file != null) {
      splitRange(Paths.get(file), start, end, chunk, parts);
      return parts;
    }
    for (Path path : matchOrFail()) {
      splitRange(path, 0, TO_END_OF_FILE, chunk, parts);
    }
    return parts;
  }

  private void splitRange(Path path, long from, long to, long chunk, List<TextSource> parts) throws IOException {
    Compression resolved = compression.resolveFor(path.toString());
    long size = sizeOf(path);
    long stop = Math.min(to, size);
    if (!resolved.isSplittable() || stop - from <= chunk) {
      parts.add(forRange(path, resolved, from, to));
      return;
    }
    for (long offset = from; offset < stop; offset += chunk) {
      boolean last = offset + chunk >= stop;
      // The last range keeps the original end so that it still reaches the end of the file.
      parts.add(forRange(path, resolved, offset, last ? to : offset + chunk));
    }
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    if (file != null) {
      return Math.max(0, Math.min(end, sizeOf(Paths.get(file))) - start);
    }
    long total = 0;
    for (Path path : matchOrFail()) {
      total += sizeOf(path);
    }
    return total;
  }

  private static long sizeOf(Path path) throws IOException {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw cannotRead(path.toString(), e);
    }
  }

  static IOException cannotRead(String file, IOException cause) {
    return new IOException("TextIO cannot read file '" + file + "': " + cause, cause);
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) throws IOException {
    if (file != null) {
      return new RangeReader(this, false);
    }
    return new ConcatenatingReader<>(this, wholeFiles());
  }

  /** Whether this source is one range of one file (else it is a pattern). */
  boolean isRange() {
    return file != null;
  }

  /** One whole-file range source per file this pattern source matches, in name order. */
  List<TextSource> wholeFiles() {
    List<TextSource> perFile = new ArrayList<>();
    for (Path path : matchOrFail()) {
      perFile.add(forRange(path, compression, 0, TO_END_OF_FILE));
    }
    return perFile;
  }

  /**
   * A reader of this range source that also knows each line's 1-based number in its file. A range
   * that starts past offset 0 scans the file from its beginning to count the lines before it, so
   * numbering costs reading each file's prefix once per range.
   */
  RangeReader createNumberingReader() {
    checkArgument(file != null, "only a range source numbers its lines; split %s first", this);
    return new RangeReader(this, true);
  }

  @Override
  public String toString() {
    if (file == null) {
      return "TextSource(" + pattern + ", " + compression + ")";
    }
    return "TextSource(" + file + " [" + start + ", " + (end == TO_END_OF_FILE ? "end" : end) + "), "
        + compression + ")";
  }

  /**
   * Reads the lines one range of one file owns; when numbering, also counts them from the start of
   * the file.
   */
  static final class RangeReader extends BoundedReader<String> {
    private final TextSource source;
    private final boolean numbering;
    private LineReader lines;
    private String current;
    /** The number of lines of the file read or skipped so far: the current line's number. */
    private long lineNumber;

    private RangeReader(TextSource source, boolean numbering) {
      this.source = source;
      this.numbering = numbering;
    }

    @Override
    public boolean start() throws IOException {
      try {
        lines = open();
        if (!skipToFirstOwnedLine()) {
          return false;
        }
      } catch (IOException e) {
        throw cannotRead(source.file, e);
      }
      return advance();
    }

    /**
     * Moves to the first line starting at or after the range's start. Both ways land on the same
     * line: a line starts at 0 or right after a terminator.
     */
    private boolean skipToFirstOwnedLine() throws IOException {
      if (!numbering) {
        return source.start == 0 || lines.skipLine();
      }
      while (lines.position() < source.start) {
        if (!lines.skipLine()) {
          return false;
        }
        lineNumber++;
      }
      return true;
    }

    private LineReader open() throws IOException {
      FileChannel channel = FileChannel.open(Paths.get(source.file), StandardOpenOption.READ);
      try {
        long readFrom = source.start == 0 || numbering ? 0 : source.start - 1;
        channel.position(readFrom);
        InputStream in = source.compression.readDecompressed(Channels.newInputStream(channel));
        return new LineReader(in, readFrom);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    @Override
    public boolean advance() throws IOException {
      current = null;
      try {
        if (lines.position() >= source.end) {
          return false;
        }
        current = lines.readLine();
      } catch (IOException e) {
        throw cannotRead(source.file, e);
      }
      if (current == null) {
        return false;
      }
      lineNumber++;
      return true;
    }

    /** The 1-based number of the current line in its file; only for a numbering reader. */
    long getCurrentLineNumber() {
      checkState(numbering, "this reader of %s does not number lines", source);
      if (current == null) {
        throw new NoSuchElementException("no current line in " + source);
      }
      return lineNumber;
    }

    /** The file this reader reads. */
    String getFile() {
      return source.file;
    }

    @Override
    public String getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("no current line in " + source);
      }
      return current;
    }

    @Override
    public Double getFractionConsumed() {
      if (lines == null || source.end == TO_END_OF_FILE || source.end == source.start) {
        return null;
      }
      double fraction = (double) (lines.position() - source.start) / (source.end - source.start);
      return Math.max(0.0, Math.min(1.0, fraction));
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
      }
    }

    @Override
    public TextSource getCurrentSource() {
      return source;
    }
  }

  /**
   * Reads several whole files one after the other: the reader of an unsplit pattern source.
   *
   * @param <T> what each file's reader yields
   */
  static final class ConcatenatingReader<T> extends BoundedReader<T> {
    private final BoundedSource<T> source;
    private final List<? extends BoundedSource<T>> files;
    private int index = -1;
    private BoundedReader<T> reader;

    ConcatenatingReader(BoundedSource<T> source, List<? extends BoundedSource<T>> files) {
      this.source = source;
      this.files = files;
    }

    @Override
    public boolean start() throws IOException {
      return nextFileWithLines();
    }

    @Override
    public boolean advance() throws IOException {
      if (reader == null) {
        return false;
      }
      return reader.advance() || nextFileWithLines();
    }

    private boolean nextFileWithLines() throws IOException {
      while (true) {
        close();
        reader = null;
        if (++index >= files.size()) {
          return false;
        }
        reader = files.get(index).createReader(null);
        if (reader.start()) {
          return true;
        }
      }
    }

    @Override
    public T getCurrent() {
      if (reader == null) {
        throw new NoSuchElementException("no current line in " + source);
      }
      return reader.getCurrent();
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }

    @Override
    public BoundedSource<T> getCurrentSource() {
      return source;
    }
  }
}
