package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MinimalWordCount writes to its working directory, so it runs here in a child JVM started in a temporary one. */
class MinimalWordCountTest {
  @TempDir Path dir;

  @Test
  void countsTheBundledSampleIntoWordcountsFilesInTheWorkingDirectory() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(
            java.toString(), "-cp", System.getProperty("java.class.path"), MinimalWordCount.class.getName())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();

    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "MinimalWordCount did not finish");
    assertEquals(0, process.exitValue(), log());
    List<String> counts = OutputFiles.sortedLines(dir, "wordcounts-");
    assertEquals(110, counts.size(), "distinct words");
    assertTrue(counts.contains("the: 15"), counts.toString());
    assertTrue(counts.contains("weir: 3"), counts.toString());
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("child.log"));
  }
}
