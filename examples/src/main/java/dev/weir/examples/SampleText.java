package dev.weir.examples;

import dev.weir.sdk.options.DefaultValueFactory;
import dev.weir.sdk.options.PipelineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The short sample text bundled in the examples jar ("The Weir", written for this project and
 * free to use), made available as a local file so that {@code TextIO} can read it.
 *
 * <p>The first call copies the resource to a temporary file, deleted when the JVM exits; later
 * calls return the same path. Thread-safe.
 */
public final class SampleText {
  static final String RESOURCE = "weir.txt";
  private static Path extracted;

  private SampleText() {}

  /** The path of a local copy of the sample text. */
  public static synchronized String path() {
    if (extracted == null) {
      extracted = extract();
    }
    return extracted.toString();
  }

  private static Path extract() {
    try (InputStream in = SampleText.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The sample text " + RESOURCE + " is missing from the examples jar");
      }
      Path file = Files.createTempFile("weir-sample-", ".txt");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the sample text to a temporary file: " + e.getMessage(), e);
    }
  }

  /** The default of {@code --inputFile}: the path of the sample text. */
  public static final class PathFactory implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return path();
    }
  }
}
