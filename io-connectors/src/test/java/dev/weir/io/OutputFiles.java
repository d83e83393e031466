package dev.weir.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a sink left in a directory, read back by tests without a runner. */
final class OutputFiles {
  private OutputFiles() {}

  /** Each visible (not hidden) regular file directly in {@code directory} whose name starts with {@code prefix}, with its lines. */
  static Map<String, List<String>> linesByFile(Path directory, String prefix) throws IOException {
    Map<String, List<String>> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path file : listing.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix)) {
          files.put(name, Files.readAllLines(file, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  /** The lines of all files {@link #linesByFile} finds, grouped by the part of each name before {@code marker}, sorted. */
  static Map<String, List<String>> sortedLinesByNameUpTo(Path directory, String prefix, String marker)
      throws IOException {
    Map<String, List<String>> grouped = new TreeMap<>();
    for (Map.Entry<String, List<String>> file : linesByFile(directory, prefix).entrySet()) {
      String name = file.getKey();
      int end = name.indexOf(marker);
      String key = end < 0 ? name : name.substring(0, end);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).addAll(file.getValue());
    }
    grouped.values().forEach(lines -> lines.sort(null));
    return grouped;
  }

  /** The regular files left under the hidden directories of a sink in {@code directory}. */
  static List<Path> leftoverTemporaryFiles(Path directory) throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path hidden : listing.filter(p -> p.getFileName().toString().startsWith(".weir-")).toList()) {
        try (Stream<Path> walk = Files.walk(hidden)) {
          walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/manifests/")).forEach(leftovers::add);
        }
      }
    }
    return leftovers;
  }
}
