package dev.weir.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.joda.time.Instant;

/**
 * The lines of a {@link WatchedTextSource}, each with its file and 1-based line number: what
 * JsonIO's watching reads parse, so that dead letters say where a bad line came from. Same files,
 * order, timestamps, watermark and checkpoint marks as the wrapped source (the mark also counts the
 * lines read of the current file). Immutable and serializable.
 */
final class WatchedLocatedTextSource extends UnboundedSource<LocatedLine, WatchMark> {
  private static final long serialVersionUID = 1L;

  private final WatchedTextSource text;

  WatchedLocatedTextSource(WatchedTextSource text) {
    this.text = text;
  }

  @Override
  public List<WatchedLocatedTextSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<LocatedLine> createReader(PipelineOptions options, WatchMark checkpointMark) {
    return new LocatingReader(this, new WatchedTextReader(text, checkpointMark));
  }

  @Override
  public Coder<WatchMark> getCheckpointMarkCoder() {
    return WatchMark.WatchMarkCoder.of();
  }

  @Override
  public Coder<LocatedLine> getOutputCoder() {
    return LocatedLine.LocatedLineCoder.of();
  }

  @Override
  public String toString() {
    return "WatchedLocatedTextSource(" + text + ")";
  }

  /** Adds the file and line number to each line of a {@link WatchedTextReader}; one thread at a time. */
  private static final class LocatingReader extends UnboundedReader<LocatedLine> {
    private final WatchedLocatedTextSource source;
    private final WatchedTextReader lines;
    private LocatedLine current;

    LocatingReader(WatchedLocatedTextSource source, WatchedTextReader lines) {
      this.source = source;
      this.lines = lines;
    }

    @Override
    public boolean start() throws IOException {
      return locate(lines.start());
    }

    @Override
    public boolean advance() throws IOException {
      return locate(lines.advance());
    }

    private boolean locate(boolean available) {
      current = available ? new LocatedLine(lines.currentFile(), lines.currentLineNumber(), lines.getCurrent()) : null;
      return available;
    }

    @Override
    public LocatedLine getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("no current line in " + source);
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return lines.getCurrentTimestamp();
    }

    @Override
    public Instant getWatermark() {
      return lines.getWatermark();
    }

    @Override
    public CheckpointMark getCheckpointMark() {
      return lines.getCheckpointMark();
    }

    @Override
    public WatchedLocatedTextSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
