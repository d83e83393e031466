package dev.weir.io;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The commit step of a text write: gives every temporary shard file its final name, atomically,
 * then deletes the temporary directory.
 *
 * <p>Input is the list of {@code KV(shardIndex, temporaryFile)} the writing step produced; a shard
 * index of {@link #UNKNOWN_SHARD} (one file per bundle) means "any free index". The number of
 * shards is the configured one, or else the number of files, and at least one, as in Beam: shards
 * with no file are written empty (header and footer only). Each rename is an
 * {@code ATOMIC_MOVE} within the output directory, so a final name either does not exist yet or
 * names a complete file. Running the commit again after it failed part way is safe: a temporary
 * file already renamed is recognised by its final file and skipped. Stateless; one call per write.
 */
final class TextWriteCommit {
  /** The shard index of a file written per bundle, which the commit numbers. */
  static final int UNKNOWN_SHARD = -1;

  private TextWriteCommit() {}

  /** Commits {@code tempFiles} as {@code config} says; returns the final files in shard order. */
  static List<Path> commit(TextWriteConfig config, List<KV<Integer, String>> tempFiles) throws IOException {
    TreeMap<Integer, Path> byShard = numberShards(config, tempFiles);
    int numShards = config.numShards() > 0 ? config.numShards() : Math.max(1, byShard.size());
    for (int index = 0; index < numShards; index++) {
      if (!byShard.containsKey(index)) {
        TextShardWriter empty = TextShardWriter.open(Paths.get(config.tempDirectory()), config.header());
        byShard.put(index, empty.finish(config.footer()));
      }
    }
    List<Path> finals = new ArrayList<>();
    Set<Path> distinct = new HashSet<>();
    for (int index = 0; index < numShards; index++) {
      Path target = config.fileFor(index, numShards);
      checkState(distinct.add(target),
          "TextIO.write(): shards %s and another both map to file %s; the shard name template '%s' must"
              + " contain 'S' when writing more than one shard", index, target, config.shardTemplate());
      finals.add(target);
    }
    for (int index = 0; index < numShards; index++) {
      moveIntoPlace(byShard.get(index), finals.get(index));
    }
    deleteRecursively(Paths.get(config.tempDirectory()));
    return finals;
  }

  private static TreeMap<Integer, Path> numberShards(TextWriteConfig config, List<KV<Integer, String>> tempFiles) {
    TreeMap<Integer, Path> byShard = new TreeMap<>();
    List<Path> unnumbered = new ArrayList<>();
    for (KV<Integer, String> file : tempFiles) {
      Path path = Paths.get(file.getValue());
      int index = file.getKey();
      if (index == UNKNOWN_SHARD) {
        unnumbered.add(path);
        continue;
      }
      checkState(index >= 0 && (config.numShards() == 0 || index < config.numShards()),
          "TextIO.write(): shard index %s out of range for %s shards", index, config.numShards());
      Path previous = byShard.put(index, path);
      checkState(previous == null, "TextIO.write(): shard %s was written twice: %s and %s", index, previous, path);
    }
    // Sorting makes the numbering independent of the order in which bundles finished.
    unnumbered.sort(Comparator.comparing(Path::toString));
    int next = 0;
    for (Path path : unnumbered) {
      while (byShard.containsKey(next)) {
        next++;
      }
      byShard.put(next, path);
    }
    return byShard;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      if (Files.exists(temp) || !Files.exists(target)) {
        throw new IOException("TextIO.write(): temporary file " + temp + " for " + target + " is missing", e);
      }
      // An earlier attempt of this commit renamed it already.
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
