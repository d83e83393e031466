package dev.weir.runners.microbatch.durability;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.durability.DurableFile;
import dev.weir.runtime.durability.DurableFormat;
import dev.weir.runtime.graph.GraphFingerprint;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.MapCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.joda.time.Instant;

/**
 * The checkpoint directory of one micro-batch query: {@code metadata} (graph fingerprint and key
 * partition count), the offset log {@code offsets/N}, the prepared sink transactions
 * {@code sinks/N}, the commit log {@code commits/N}, the state versions ({@link StateStore}, under
 * {@code state/}) and {@code progress/progress.jsonl}.
 *
 * <p>Every file but the progress log is written to a temporary name, flushed and renamed into
 * place ({@link DurableFile}), in a versioned {@link DurableFormat}; a damaged or truncated file
 * fails with its path. Not thread-safe: one batch loop owns it.
 */
public final class Checkpoint {
  private static final DurableFormat<Metadata> METADATA =
      DurableFormat.of("micro-batch checkpoint metadata", "WMBM", 1, new MetadataCoder());
  private static final DurableFormat<OffsetEntry> OFFSETS =
      DurableFormat.of("micro-batch offset log entry", "WMBO", 1, OffsetEntry.coder());
  private static final DurableFormat<Map<String, byte[]>> SINKS = DurableFormat.of(
      "micro-batch prepared sink transactions", "WMBP", 1, MapCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
  private static final DurableFormat<Commit> COMMITS =
      DurableFormat.of("micro-batch commit log entry", "WMBC", 1, new CommitCoder());

  private static final String PROGRESS = "progress.jsonl";

  private final Path dir;
  private final boolean fresh;
  private final int partitions;
  private final StateStore state;

  private Checkpoint(Path dir, boolean fresh, int partitions, int snapshotInterval) {
    this.dir = dir;
    this.fresh = fresh;
    this.partitions = partitions;
    this.state = new StateStore(dir.resolve("state"), snapshotInterval);
  }

  /**
   * Opens the checkpoint in {@code dir}, creating it for a query over {@code fingerprint} with
   * {@code partitions} key partitions if it holds none yet.
   *
   * @throws IllegalStateException naming what changed, if the checkpoint was written by another graph
   * @throws IOException naming the file, if a checkpoint file is unreadable
   */
  public static Checkpoint open(Path dir, GraphFingerprint fingerprint, int partitions, int snapshotInterval)
      throws IOException {
    checkArgument(snapshotInterval >= 1, "--stateSnapshotInterval must be at least 1, got %s", snapshotInterval);
    Files.createDirectories(dir.resolve("offsets"));
    Files.createDirectories(dir.resolve("commits"));
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("progress"));
    Files.createDirectories(dir.resolve("sinks"));
    for (String sub : new String[] {"offsets", "commits", "state", "sinks", ""}) {
      DurableFile.deleteLeftovers(sub.isEmpty() ? dir : dir.resolve(sub));
    }
    dropPartialProgressLine(dir.resolve("progress").resolve(PROGRESS));
    Path metadataFile = dir.resolve("metadata");
    if (Files.exists(metadataFile)) {
      Metadata stored = METADATA.read(metadataFile);
      GraphFingerprint.checkCompatible(dir, stored.fingerprint(), fingerprint);
      return new Checkpoint(dir, false, stored.partitions(), snapshotInterval);
    }
    METADATA.write(metadataFile, new Metadata(fingerprint, partitions));
    return new Checkpoint(dir, true, partitions, snapshotInterval);
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** Whether this run created the checkpoint (no earlier run wrote to it). */
  public boolean isFresh() {
    return fresh;
  }

  /** How many key partitions keyed steps have; fixed when the checkpoint was created. */
  public int partitions() {
    return partitions;
  }

  /** The versioned state of keyed steps. */
  public StateStore state() {
    return state;
  }

  /** The highest batch id with a commit entry; empty if none. */
  public OptionalLong lastCommitted() throws IOException {
    TreeSet<Long> ids = ids(dir.resolve("commits"));
    if (ids.isEmpty()) {
      return OptionalLong.empty();
    }
    long last = ids.last();
    COMMITS.read(dir.resolve("commits").resolve(Long.toString(last)));
    return OptionalLong.of(last);
  }

  /** The offset log entry of batch {@code id}, if written. */
  public Optional<OffsetEntry> offsets(long id) throws IOException {
    Path file = dir.resolve("offsets").resolve(Long.toString(id));
    return Files.exists(file) ? Optional.of(OFFSETS.read(file)) : Optional.empty();
  }

  /** Writes the offset log entry of its batch, durably, before the batch runs. */
  public void writeOffsets(OffsetEntry entry) throws IOException {
    OFFSETS.write(dir.resolve("offsets").resolve(Long.toString(entry.batchId())), entry);
  }

  /**
   * Writes what the sinks prepared in batch {@code id} and have not committed, by sink step name,
   * durably, before they commit.
   */
  public void writeSinkPending(long id, Map<String, byte[]> pending) throws IOException {
    SINKS.write(dir.resolve("sinks").resolve(Long.toString(id)), pending);
  }

  /** What the sinks prepared in batch {@code id}, by sink step name; empty if nothing was written. */
  public Map<String, byte[]> sinkPending(long id) throws IOException {
    Path file = dir.resolve("sinks").resolve(Long.toString(id));
    return Files.exists(file) ? SINKS.read(file) : Map.of();
  }

  /** Writes the commit entry of batch {@code id}, durably, once its sinks and state are committed. */
  public void writeCommit(long id, Instant at) throws IOException {
    COMMITS.write(dir.resolve("commits").resolve(Long.toString(id)), new Commit(id, at));
  }

  /** Deletes the offset and commit entries of batches before {@code oldestRetained}, and their state. */
  public void removeBefore(long oldestRetained) throws IOException {
    for (String log : new String[] {"offsets", "commits", "sinks"}) {
      for (long id : ids(dir.resolve(log)).headSet(oldestRetained)) {
        Files.deleteIfExists(dir.resolve(log).resolve(Long.toString(id)));
      }
    }
    state.removeBefore(oldestRetained);
  }

  /** Appends one line to {@code progress/progress.jsonl}; progress is a report, not recovery data. */
  public void appendProgress(String jsonLine) throws IOException {
    Files.writeString(dir.resolve("progress").resolve(PROGRESS), jsonLine + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Cuts a last line a crash left half-written, so that every line of the progress log is whole JSON. */
  private static void dropPartialProgressLine(Path progress) throws IOException {
    if (!Files.exists(progress)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(progress);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      Files.write(progress, Arrays.copyOf(bytes, end));
    }
  }

  /** The numeric file names in {@code directory}. */
  static TreeSet<Long> ids(Path directory) throws IOException {
    TreeSet<Long> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d{1,18}"))
          .forEach(name -> ids.add(Long.parseLong(name)));
    }
    return ids;
  }

  /** What never changes for a checkpoint. */
  private record Metadata(GraphFingerprint fingerprint, int partitions) {}

  /** A commit log entry. */
  private record Commit(long batchId, Instant committedAt) {}

  /** Version 1 of the metadata: the fingerprint, then the partition count. */
  private static final class MetadataCoder extends CustomCoder<Metadata> {
    private static final long serialVersionUID = 1L;
    private static final Coder<GraphFingerprint> FINGERPRINT = GraphFingerprint.coder();

    @Override
    public void encode(Metadata value, OutputStream out) throws CoderException, IOException {
      FINGERPRINT.encode(value.fingerprint(), out);
      VarIntCoder.of().encode(value.partitions(), out);
    }

    @Override
    public Metadata decode(InputStream in) throws CoderException, IOException {
      return new Metadata(FINGERPRINT.decode(in), VarIntCoder.of().decode(in));
    }
  }

  /** Version 1 of a commit entry: the batch id, then when it committed. */
  private static final class CommitCoder extends CustomCoder<Commit> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Commit value, OutputStream out) throws CoderException, IOException {
      VarLongCoder.of().encode(value.batchId(), out);
      InstantCoder.of().encode(value.committedAt(), out);
    }

    @Override
    public Commit decode(InputStream in) throws CoderException, IOException {
      return new Commit(VarLongCoder.of().decode(in), InstantCoder.of().decode(in));
    }
  }
}
