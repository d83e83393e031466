package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {
  @TempDir Path dir;

  @Test
  void writesTheCountOfEachWordOfTheInputFile() throws IOException {
    Path input = dir.resolve("input.txt");
    Files.writeString(input, "the cat\n\nThe dog, the END\r\nend-of-line 42 ü\n");

    WordCount.main(new String[] {"--inputFile=" + input, "--output=" + dir.resolve("counts")});

    assertEquals(
        List.of("END: 1", "The: 1", "cat: 1", "dog: 1", "end: 1", "line: 1", "of: 1", "the: 2", "ü: 1"),
        OutputFiles.sortedLines(dir, "counts"));
  }

  @Test
  void namesItsOutputFilesAfterThePrefixAndLeavesNoTemporaryFiles() throws IOException {
    Path input = dir.resolve("input.txt");
    Files.writeString(input, "a b a\n");

    WordCount.main(new String[] {"--inputFile=" + input, "--output=" + dir.resolve("out")});

    List<String> names = OutputFiles.names(dir);
    assertTrue(names.contains("input.txt"), names.toString());
    for (String name : names) {
      assertFalse(name.startsWith(".weir-temp"), "temporary directory left behind: " + names);
      assertTrue(name.equals("input.txt") || name.matches("out-\\d{5}-of-\\d{5}"), "unexpected file " + name);
    }
    assertEquals(List.of("a: 2", "b: 1"), OutputFiles.sortedLines(dir, "out"));
  }

  @Test
  void readsTheBundledSampleByDefault() throws IOException {
    WordCount.main(new String[] {"--output=" + dir.resolve("sample")});

    List<String> counts = OutputFiles.sortedLines(dir, "sample");
    assertTrue(counts.contains("weir: 3"), counts.toString());
    assertTrue(counts.contains("weirs: 2"), counts.toString());
    assertTrue(counts.contains("Weir: 1"), counts.toString());
    assertTrue(counts.contains("the: 15"), counts.toString());
    assertEquals(110, counts.size(), "distinct words");
  }
}
