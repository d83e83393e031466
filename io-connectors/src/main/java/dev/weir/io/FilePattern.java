package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.util.SerializedRecord;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local file name or glob, and the regular files it matches.
 *
 * <p>The glob syntax is {@link java.nio.file.FileSystem#getPathMatcher}'s: {@code *} and
 * {@code ?} within one directory level, {@code **} across levels, {@code [abc]} and
 * {@code {a,b}}. The part of the pattern before the first directory level holding a
 * metacharacter is a literal base directory; only files under it are considered. Matches are
 * returned as absolute paths sorted by name, so every reader sees the same order. Immutable.
 */
record FilePattern(String pattern) implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  private static final String METACHARACTERS = "*?[{";

  FilePattern {
    checkArgument(pattern != null && !pattern.isEmpty(), "a file pattern must not be empty");
  }

  /** Whether the pattern holds glob metacharacters, rather than naming one file. */
  boolean isGlob() {
    return firstMetacharacter() >= 0;
  }

  /**
   * The regular files the pattern matches, absolute and sorted; empty if none (including when the
   * base directory does not exist).
   *
   * @throws IOException naming the pattern if a directory under the base cannot be listed
   */
  List<Path> match() throws IOException {
    int firstMeta = firstMetacharacter();
    if (firstMeta < 0) {
      Path file = Paths.get(pattern).toAbsolutePath().normalize();
      return Files.isRegularFile(file) ? List.of(file) : List.of();
    }
    int lastSlash = pattern.lastIndexOf('/', firstMeta);
    Path base = lastSlash < 0 ? Paths.get("") : Paths.get(lastSlash == 0 ? "/" : pattern.substring(0, lastSlash));
    base = base.toAbsolutePath().normalize();
    String glob = pattern.substring(lastSlash + 1);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = base.getFileSystem().getPathMatcher("glob:" + glob);
    // A glob without '/' or '**' only names files directly in the base directory: no need to walk.
    int depth = glob.contains("/") || glob.contains("**") ? Integer.MAX_VALUE : 1;
    Path root = base;
    try (Stream<Path> files = Files.walk(root, depth)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> matcher.matches(root.relativize(file)))
          .sorted(Comparator.comparing(Path::toString))
          .collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new IOException("Cannot list the files matching '" + pattern + "': " + cause.getMessage(), cause);
    }
  }

  /** Whether the pattern names an existing directory, a common mistake worth its own hint. */
  boolean namesDirectory() {
    return !isGlob() && Files.isDirectory(Paths.get(pattern));
  }

  private int firstMetacharacter() {
    for (int i = 0; i < pattern.length(); i++) {
      if (METACHARACTERS.indexOf(pattern.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
