package dev.weir.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of a {@link TextSource} with their file and 1-based line number, split exactly as the
 * text source splits (per file, then by byte ranges).
 *
 * <p>Numbering a range that starts inside a file scans the file from its beginning up to the range
 * (bytes only, no decoding), so each range pays for reading the part of its file before it.
 * Immutable and serializable.
 */
final class LocatedTextSource extends BoundedSource<LocatedLine> {
  private static final long serialVersionUID = 1L;

  private final TextSource text;

  LocatedTextSource(TextSource text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  @Override
  public void validate() {
    text.validate();
  }

  @Override
  public Coder<LocatedLine> getOutputCoder() {
    return LocatedLine.LocatedLineCoder.of();
  }

  @Override
  public List<LocatedTextSource> split(long desiredBundleSizeBytes, PipelineOptions options) throws IOException {
    List<LocatedTextSource> parts = new ArrayList<>();
    for (TextSource part : text.split(desiredBundleSizeBytes, options)) {
      parts.add(new LocatedTextSource(part));
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    return text.getEstimatedSizeBytes(options);
  }

  @Override
  public BoundedReader<LocatedLine> createReader(PipelineOptions options) throws IOException {
    if (text.isRange()) {
      return new LocatingReader(this, text.createNumberingReader());
    }
    List<LocatedTextSource> perFile = new ArrayList<>();
    for (TextSource file : text.wholeFiles()) {
      perFile.add(new LocatedTextSource(file));
    }
    return new TextSource.ConcatenatingReader<>(this, perFile);
  }

  @Override
  public String toString() {
    return "Located" + text;
  }

  /** Wraps a numbering reader of one range, pairing each line with its file and number. */
  private static final class LocatingReader extends BoundedReader<LocatedLine> {
    private final LocatedTextSource source;
    private final TextSource.RangeReader lines;

    LocatingReader(LocatedTextSource source, TextSource.RangeReader lines) {
      this.source = source;
      this.lines = lines;
    }

    @Override
    public boolean start() throws IOException {
      return lines.start();
    }

    @Override
    public boolean advance() throws IOException {
      return lines.advance();
    }

    @Override
    public LocatedLine getCurrent() {
      return new LocatedLine(lines.getFile(), lines.getCurrentLineNumber(), lines.getCurrent());
    }

    @Override
    public Double getFractionConsumed() {
      return lines.getFractionConsumed();
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }

    @Override
    public BoundedSource<LocatedLine> getCurrentSource() {
      return source;
    }
  }
}
