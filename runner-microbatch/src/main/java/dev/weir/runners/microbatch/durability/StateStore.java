package dev.weir.runners.microbatch.durability;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.durability.DurableFormat;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.MapCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The state of a query's keyed steps, one version per committed batch: version {@code N} is the
 * state after batch {@code N}. Each version is a file {@code N.snapshot} (every partition of every
 * step) or {@code N.delta} (only the partitions whose bytes changed since version {@code N-1});
 * a snapshot is written every {@code snapshotInterval} versions and for the first version a run
 * writes. Reading version {@code N} takes the latest snapshot at or before it and applies the
 * deltas after it in order; a missing delta fails with its path.
 *
 * <p>State is opaque bytes per step name and partition (the execution core's snapshots). Not
 * thread-safe.
 */
public final class StateStore {
  private static final DurableFormat<Map<String, Map<Integer, byte[]>>> FORMAT = DurableFormat.of(
      "micro-batch state version", "WMBS", 1,
      MapCoder.of(StringUtf8Coder.of(), MapCoder.of(VarIntCoder.of(), ByteArrayCoder.of())));
  private static final String SNAPSHOT = ".snapshot";
  private static final String DELTA = ".delta";

  private final Path dir;
  private final int snapshotInterval;
  /** The state as of the last version written or read; null before, which forces a snapshot. */
  private Map<String, Map<Integer, byte[]>> last;

  StateStore(Path dir, int snapshotInterval) {
    this.dir = dir;
    this.snapshotInterval = snapshotInterval;
  }

  /**
   * Writes version {@code version}, whose whole state is {@code current}, as a snapshot or as a
   * delta against the previous version; returns how many bytes of state the file holds.
   */
  public long commit(long version, Map<String, Map<Integer, byte[]>> current) throws IOException {
    boolean snapshot = last == null || version % snapshotInterval == 0;
    Map<String, Map<Integer, byte[]>> written = snapshot ? current : changes(current);
    FORMAT.write(dir.resolve(version + (snapshot ? SNAPSHOT : DELTA)), written);
    last = copy(current);
    long bytes = 0;
    for (Map<Integer, byte[]> partitions : written.values()) {
      for (byte[] state : partitions.values()) {
        bytes += state.length;
      }
    }
    return bytes;
  }

  private Map<String, Map<Integer, byte[]>> changes(Map<String, Map<Integer, byte[]>> current) {
    Map<String, Map<Integer, byte[]>> changed = new HashMap<>();
    current.forEach((step, partitions) -> {
      Map<Integer, byte[]> before = last.getOrDefault(step, Map.of());
      partitions.forEach((partition, bytes) -> {
        if (!Arrays.equals(before.get(partition), bytes)) {
          changed.computeIfAbsent(step, s -> new HashMap<>()).put(partition, bytes);
        }
      });
    });
    return changed;
  }

  /** The whole state as of version {@code version}; empty if the query has no state files yet. */
  public Map<String, Map<Integer, byte[]>> read(long version) throws IOException {
    TreeSet<Long> snapshots = versions(SNAPSHOT);
    Long base = snapshots.floor(version);
    if (base == null) {
      TreeSet<Long> deltas = versions(DELTA);
      verify(deltas.headSet(version, true).isEmpty(), "state deltas without a snapshot");
      last = new HashMap<>();
      return copy(last);
    }
    Map<String, Map<Integer, byte[]>> state = copy(FORMAT.read(dir.resolve(base + SNAPSHOT)));
    for (long v = base + 1; v <= version; v++) {
      Path delta = dir.resolve(v + DELTA);
      if (!Files.exists(delta)) {
        throw new NoSuchFileException(delta.toString(), null, "the state delta of version " + v + " is missing, so"
            + " version " + version + " cannot be rebuilt; restore the file, or start over with a new --checkpointDir");
      }
      FORMAT.read(delta).forEach((step, partitions) ->
          state.computeIfAbsent(step, s -> new HashMap<>()).putAll(partitions));
    }
    last = copy(state);
    return state;
  }

  /**
   * Deletes the versions after {@code version}, the last committed one: a crash may have left the
   * state of a batch whose commit entry was never written, and its re-run writes that version anew.
   */
  public void discardAfter(long version) throws IOException {
    for (String suffix : new String[] {SNAPSHOT, DELTA}) {
      for (long v : versions(suffix).tailSet(version, false)) {
        Files.deleteIfExists(dir.resolve(v + suffix));
      }
    }
  }

  /** Deletes the files no version at or after {@code oldestRetained} needs. */
  void removeBefore(long oldestRetained) throws IOException {
    Long base = versions(SNAPSHOT).floor(oldestRetained);
    if (base == null) {
      return;
    }
    for (long v : versions(SNAPSHOT).headSet(base)) {
      Files.deleteIfExists(dir.resolve(v + SNAPSHOT));
    }
    for (long v : versions(DELTA).headSet(base, true)) {
      Files.deleteIfExists(dir.resolve(v + DELTA));
    }
  }

  private TreeSet<Long> versions(String suffix) throws IOException {
    TreeSet<Long> versions = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d{1,18}" + suffix.replace(".", "\\.")))
          .forEach(name -> versions.add(Long.parseLong(name.substring(0, name.length() - suffix.length()))));
    }
    return versions;
  }

  private static Map<String, Map<Integer, byte[]>> copy(Map<String, Map<Integer, byte[]>> state) {
    Map<String, Map<Integer, byte[]>> copy = new HashMap<>();
    state.forEach((step, partitions) -> copy.put(step, new HashMap<>(partitions)));
    return copy;
  }
}
