package dev.weir.io;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * Reads a {@link WatchedTextSource}: polls for new files when due, takes those that have settled
 * (same size and modification time as at the previous poll), then reads the taken files line by
 * line; see the source for the rules and {@link WatchMark} for the state it checkpoints.
 *
 * <p>{@link #advance()} returns false when no line is available now: the current files are read and
 * the next poll is not yet due, or it found nothing new. Polls happen only inside {@code start()}
 * and {@code advance()}. A file that cannot be opened or read fails the call with an
 * {@link IOException} naming it. Used by one thread at a time.
 */
final class WatchedTextReader extends UnboundedReader<String> {
  private final WatchedTextSource source;
  private final WatchMark resumeFrom;
  private final List<String> taken = new ArrayList<>();
  private final Set<String> takenSet = new HashSet<>();
  /**
   * Files matched but not taken yet, with their size and modification time at the last poll; a
   * file is taken at the first poll that finds both unchanged. Checkpointed with the poll schedule,
   * so a reader restored from a mark (which runners may do at any time) keeps waiting where it was.
   */
  private final Map<String, WatchMark.FileVersion> candidates = new HashMap<>();
  /** Index in {@link #taken} of the file being read; {@code taken.size()} if none. */
  private int current;
  /** Byte offset in the current file of the line after the last one delivered. */
  private long offset;
  /** Lines of the current file delivered so far: the number of the current line, once delivered. */
  private long linesRead;
  /** Open on the current file once reading it began; null otherwise. */
  private LineReader lines;
  private Instant startedAt;
  private Instant lastNewFileAt;
  private boolean pollingDone;
  /** When the next poll is due; the start means at once. */
  private Instant nextPollAt = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private TimestampPolicy.State policyState;
  private String currentLine;
  private Instant currentTimestamp;

  WatchedTextReader(WatchedTextSource source, WatchMark resumeFrom) {
    this.source = source;
    this.resumeFrom = resumeFrom;
  }

  @Override
  public boolean start() throws IOException {
    checkState(startedAt == null, "start() was already called on this reader of %s", source);
    if (resumeFrom == null) {
      startedAt = source.clock().now();
      policyState = source.policy().initialState(startedAt);
    } else {
      taken.addAll(resumeFrom.taken());
      takenSet.addAll(resumeFrom.taken());
      current = resumeFrom.current();
      offset = resumeFrom.offset();
      linesRead = resumeFrom.linesRead();
      startedAt = resumeFrom.startedAt();
      lastNewFileAt = resumeFrom.lastNewFileAt();
      pollingDone = resumeFrom.pollingDone();
      nextPollAt = resumeFrom.nextPollAt();
      candidates.putAll(resumeFrom.unsettled());
      policyState = resumeFrom.policyState();
    }
    return advance();
  }

  @Override
  public boolean advance() throws IOException {
    checkState(startedAt != null, "advance() before start() on a reader of %s", source);
    currentLine = null;
    while (true) {
      if (lines != null) {
        if (nextLine()) {
          return true;
        }
        continue;
      }
      if (current < taken.size()) {
        lines = open(taken.get(current), offset);
        continue;
      }
      Instant now = source.clock().now();
      if (pollingDone || now.isBefore(nextPollAt) || !poll(now)) {
        return false;
      }
    }
  }

  /** Delivers the next line of the current file; at its end, closes it and moves on. */
  private boolean nextLine() throws IOException {
    String line;
    try {
      line = lines.readLine();
    } catch (IOException e) {
      throw TextSource.cannotRead(taken.get(current), e);
    }
    if (line == null) {
      lines.close();
      lines = null;
      current++;
      offset = 0;
      linesRead = 0;
      return false;
    }
    offset = lines.position();
    linesRead++;
    Instant now = source.clock().now();
    currentLine = line;
    currentTimestamp = source.policy().timestampOf(line, now);
    policyState = source.policy().observe(policyState, currentTimestamp, now);
    return true;
  }

  /**
   * Matches the pattern and takes the new files whose size and modification time are the same as
   * at the previous poll; true if it took any. Polling does not stop while a file waits to settle.
   */
  private boolean poll(Instant now) throws IOException {
    int before = taken.size();
    Map<String, WatchMark.FileVersion> unsettled = new HashMap<>();
    for (Path path : source.pattern().match()) {
      String file = path.toString();
      if (takenSet.contains(file)) {
        continue;
      }
      WatchMark.FileVersion version = versionOf(path);
      if (version == null) {
        continue;
      }
      if (version.equals(candidates.get(file))) {
        takenSet.add(file);
        taken.add(file);
      } else {
        unsettled.put(file, version);
      }
    }
    candidates.clear();
    candidates.putAll(unsettled);
    boolean foundNew = taken.size() > before;
    if (foundNew) {
      lastNewFileAt = now;
    }
    nextPollAt = now.plus(source.pollInterval());
    pollingDone = candidates.isEmpty() && source.termination().canStopPolling(startedAt, lastNewFileAt, now);
    return foundNew;
  }

  /** The file's size and modification time, or null if it vanished since it was matched. */
  private static WatchMark.FileVersion versionOf(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new WatchMark.FileVersion(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS));
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Opens {@code file} positioned at byte {@code from} of its decompressed content. */
  private LineReader open(String file, long from) throws IOException {
    Compression resolved = source.compression().resolveFor(file);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(Paths.get(file), StandardOpenOption.READ);
      if (resolved.isSplittable()) {
        channel.position(from);
        return new LineReader(resolved.readDecompressed(Channels.newInputStream(channel)), from);
      }
      InputStream in = resolved.readDecompressed(Channels.newInputStream(channel));
      in.skipNBytes(from);
      return new LineReader(in, from);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      throw TextSource.cannotRead(file, e instanceof IOException io ? io : new IOException(e));
    }
  }

  @Override
  public String getCurrent() {
    if (currentLine == null) {
      throw new NoSuchElementException("no current line in " + source);
    }
    return currentLine;
  }

  @Override
  public Instant getCurrentTimestamp() {
    if (currentLine == null) {
      throw new NoSuchElementException("no current line in " + source);
    }
    return currentTimestamp;
  }

  /** The end of time once polling stopped and every taken file is read; else the policy's watermark. */
  @Override
  public Instant getWatermark() {
    if (startedAt == null) {
      return BoundedWindow.TIMESTAMP_MIN_VALUE;
    }
    if (pollingDone && lines == null && current >= taken.size()) {
      return BoundedWindow.TIMESTAMP_MAX_VALUE;
    }
    policyState = source.policy().advance(policyState, source.clock().now());
    return policyState.watermark();
  }

  @Override
  public WatchMark getCheckpointMark() {
    checkState(startedAt != null, "getCheckpointMark() before start() on a reader of %s", source);
    return new WatchMark(taken, current, offset, linesRead, startedAt, lastNewFileAt, pollingDone, nextPollAt,
        candidates, policyState);
  }

  /** The file the current line came from; only while there is a current line. */
  String currentFile() {
    checkState(currentLine != null, "no current line in %s", source);
    return taken.get(current);
  }

  /** The 1-based number of the current line in its file; only while there is a current line. */
  long currentLineNumber() {
    checkState(currentLine != null, "no current line in %s", source);
    return linesRead;
  }

  @Override
  public WatchedTextSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
      lines = null;
    }
  }
}
