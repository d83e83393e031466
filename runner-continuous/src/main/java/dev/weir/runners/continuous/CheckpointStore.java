package dev.weir.runners.continuous;

import dev.weir.runtime.durability.DurableFile;
import dev.weir.runtime.durability.DurableFormat;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.ListCoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of a job under {@code --checkpointDir}: one directory {@code checkpoint-<id>}
 * per checkpoint, holding one state file per subtask ({@code <stage>-<subtask>.state}) and, once
 * every subtask's file is written, the {@code _manifest} that makes the checkpoint complete. Every
 * file is written durably (temporary file, fsync, atomic rename) in a versioned format.
 *
 * <p>Thread-safe (it keeps no mutable state). Unreadable files fail with an
 * {@link dev.weir.runtime.durability.UnreadableFileException} naming their path.
 */
final class CheckpointStore {
  /** A subtask's state: sections of bytes, each encoded by its own coders (see the README). */
  static final DurableFormat<List<byte[]>> SUBTASK_STATE =
      DurableFormat.of("continuous runner subtask state", "WCST", 1, ListCoder.of(ByteArrayCoder.of()));
  static final DurableFormat<Manifest> MANIFEST =
      DurableFormat.of("continuous runner checkpoint manifest", "WCMF", 1, new Manifest.ManifestCoder());
  private static final String PREFIX = "checkpoint-";
  private static final String MANIFEST_FILE = "_manifest";

  private final Path root;

  CheckpointStore(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  private Path directoryOf(long checkpointId) {
    return root.resolve(PREFIX + checkpointId);
  }

  Path manifestPath(long checkpointId) {
    return directoryOf(checkpointId).resolve(MANIFEST_FILE);
  }

  /** Writes one subtask's state for {@code checkpointId}; returns the bytes written. */
  long writeState(long checkpointId, int stage, int subtask, List<byte[]> sections) throws IOException {
    Path directory = directoryOf(checkpointId);
    Files.createDirectories(directory);
    byte[] encoded = SUBTASK_STATE.encode(sections);
    DurableFile.write(directory.resolve(stage + "-" + subtask + ".state"), encoded);
    return encoded.length;
  }

  /** Reads one subtask's state of the complete checkpoint {@code checkpointId}. */
  List<byte[]> readState(long checkpointId, int stage, int subtask) throws IOException {
    return SUBTASK_STATE.read(directoryOf(checkpointId).resolve(stage + "-" + subtask + ".state"));
  }

  /** Makes {@code manifest}'s checkpoint complete; returns the bytes written. */
  long writeManifest(Manifest manifest) throws IOException {
    Files.createDirectories(directoryOf(manifest.checkpointId()));
    byte[] encoded = MANIFEST.encode(manifest);
    DurableFile.write(manifestPath(manifest.checkpointId()), encoded);
    return encoded.length;
  }

  /** The manifest of the latest complete checkpoint, if any. */
  Optional<Manifest> latest() throws IOException {
    for (long id : checkpointIds()) {
      try {
        return Optional.of(MANIFEST.read(manifestPath(id)));
      } catch (NoSuchFileException e) {
        // An incomplete checkpoint: the job stopped before it completed.
      }
    }
    return Optional.empty();
  }

  /** The ids of the checkpoint directories, latest first. */
  private List<Long> checkpointIds() throws IOException {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return ids;
    }
    try (Stream<Path> entries = Files.list(root)) {
      entries.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(PREFIX) && name.substring(PREFIX.length()).matches("[0-9]{1,18}"))
          .forEach(name -> ids.add(Long.parseLong(name.substring(PREFIX.length()))));
    }
    ids.sort(Comparator.reverseOrder());
    return ids;
  }

  /**
   * Deletes every checkpoint directory after {@code restored}: incomplete checkpoints of a run that
   * stopped, whose ids the new run takes again.
   */
  void deleteAfter(long restored) throws IOException {
    for (long id : checkpointIds()) {
      if (id > restored) {
        deleteRecursively(directoryOf(id));
      }
    }
  }

  /** Deletes every checkpoint directory older than {@code keep}, best effort. */
  void deleteBefore(long keep) throws IOException {
    for (long id : checkpointIds()) {
      if (id < keep) {
        deleteRecursively(directoryOf(id));
      }
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    }
  }
}
