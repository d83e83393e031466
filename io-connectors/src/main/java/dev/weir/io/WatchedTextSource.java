package dev.weir.io;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.List;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * The lines of the files a pattern matches, now and as they appear, as an {@link UnboundedSource}:
 * the source behind {@link TextIO.Read#watchForNewFiles}.
 *
 * <p>One reader watches the whole pattern ({@link #split} returns this source alone, since files
 * are discovered by one poll): it matches the pattern at start and then every {@code pollInterval},
 * and reads the taken files one after the other, in the order taken (name order within one poll).
 *
 * <p><b>When a file is taken</b>: at the first poll that finds its size and modification time
 * unchanged since the previous poll, so a file still being written is left alone until it has
 * been quiet for a whole poll interval; every file is therefore taken one to two poll intervals
 * after it appears. The files waiting and the poll schedule are part of the checkpoint mark. As in
 * Beam, a path is taken once: a file that later grows, is rewritten or is deleted and created again
 * under the same name is not read again. A writer that pauses for longer
 * than the poll interval can still be caught half-way, so the safe way to deliver a file is to
 * write it elsewhere and rename it into the directory. Each taken file is read to its end as it is
 * when the reader gets to it.
 *
 * <p>After each poll the {@link Watch.TerminationCondition} is asked whether polling may stop
 * (not while a file waits to settle); once it has stopped and every taken file is read, the
 * watermark is the end of time and the source is done. Until then, timestamps and the watermark
 * come from the {@link TimestampPolicy}.
 *
 * <p>Checkpoint marks ({@link WatchMark}) hold the paths taken, the file being read with the byte
 * offset of its next line, the files waiting to settle, the poll schedule, the watch's times and the
 * policy's state; a reader created from a mark delivers exactly the lines after the last one
 * delivered before it, and takes a waiting file when it would have. Immutable and serializable.
 */
final class WatchedTextSource extends UnboundedSource<String, WatchMark> {
  private static final long serialVersionUID = 1L;

  private final FilePattern pattern;
  private final Compression compression;
  private final Duration pollInterval;
  private final Watch.TerminationCondition termination;
  private final TimestampPolicy<String> policy;
  private final WallClock clock;

  WatchedTextSource(FilePattern pattern, Compression compression, Duration pollInterval,
      Watch.TerminationCondition termination, TimestampPolicy<String> policy, WallClock clock) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.compression = Objects.requireNonNull(compression, "compression");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.termination = Objects.requireNonNull(termination, "termination");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  FilePattern pattern() {
    return pattern;
  }

  Compression compression() {
    return compression;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  Watch.TerminationCondition termination() {
    return termination;
  }

  TimestampPolicy<String> policy() {
    return policy;
  }

  WallClock clock() {
    return clock;
  }

  @Override
  public List<WatchedTextSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<String> createReader(PipelineOptions options, WatchMark checkpointMark) {
    return new WatchedTextReader(this, checkpointMark);
  }

  @Override
  public Coder<WatchMark> getCheckpointMarkCoder() {
    return WatchMark.WatchMarkCoder.of();
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public String toString() {
    return "WatchedTextSource(" + pattern + ", every " + pollInterval + ", " + termination + ", " + policy + ")";
  }
}
