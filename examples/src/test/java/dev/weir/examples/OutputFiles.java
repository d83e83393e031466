package dev.weir.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The files a sharded write produced, and their lines. */
final class OutputFiles {
  private OutputFiles() {}

  /** The names of the entries of {@code dir}, sorted. */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /** Every line of every file in {@code dir} whose name starts with {@code prefix}, sorted. */
  static List<String> sortedLines(Path dir, String prefix) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String name : names(dir)) {
      if (name.startsWith(prefix)) {
        lines.addAll(Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8));
      }
    }
    lines.sort(null);
    return lines;
  }
}
