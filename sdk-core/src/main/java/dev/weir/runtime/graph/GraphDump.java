package dev.weir.runtime.graph;

import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a pipeline graph to the file named by {@code --dumpGraph}, for every runner to call
 * before it runs a pipeline (the SDK cannot: it does not know the runtime).
 *
 * <p>Stateless and thread-safe.
 */
public final class GraphDump {
  private GraphDump() {}

  /**
   * Writes {@code graph} in DOT to {@code options.getDumpGraph()} if that option is set,
   * replacing the file and creating missing parent directories. Returns the file written, or null
   * if the option is not set.
   *
   * @throws UncheckedIOException naming the file and the flag if it cannot be written
   */
  public static Path writeIfRequested(PipelineGraph graph, PipelineOptions options) {
    String file = options.getDumpGraph();
    if (file == null || file.isEmpty()) {
      return null;
    }
    Path path = Path.of(file);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, graph.toDot(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Unable to write the pipeline graph to '" + file + "' (--dumpGraph): " + e
              + ". Fix: pass a writable file path, or leave --dumpGraph unset.",
          e);
    }
    return path;
  }
}
