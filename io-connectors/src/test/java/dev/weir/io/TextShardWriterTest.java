package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextShardWriterTest {
  @TempDir Path dir;

  @Test
  void writesHeaderLinesAndFooterEachEndedByLineFeed() throws IOException {
    TextShardWriter writer = TextShardWriter.open(dir.resolve("temp"), "h");
    writer.writeLine("one");
    writer.writeLine("");
    writer.writeLine("drei ü");
    Path file = writer.finish("f");

    assertEquals("h\none\n\ndrei ü\nf\n", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(dir.resolve("temp"), file.getParent());
  }

  @Test
  void withoutHeaderOrFooterWritesOnlyTheLines() throws IOException {
    TextShardWriter writer = TextShardWriter.open(dir, null);
    writer.writeLine("x");
    assertEquals(List.of("x"), Files.readAllLines(writer.finish(null)));
  }

  @Test
  void abortDeletesTheFile() throws IOException {
    TextShardWriter writer = TextShardWriter.open(dir, "h");
    writer.writeLine("partial");
    writer.abort();

    assertFalse(Files.exists(writer.file()));
  }

  @Test
  void writingAfterFinishFails() throws IOException {
    TextShardWriter writer = TextShardWriter.open(dir, null);
    writer.finish(null);

    assertThrows(IllegalStateException.class, () -> writer.writeLine("late"));
  }
}
