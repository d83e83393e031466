package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What TextIO checks while the pipeline is built, before any runner is involved. */
class TextIOConstructionTest {
  @TempDir Path dir;

  @Test
  void readingAMissingFileFailsWhenApplied() {
    String missing = dir.resolve("missing.txt").toString();
    Pipeline p = Pipeline.create();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.apply(TextIO.read().from(missing)));

    assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("no file matched"), e.getMessage());
  }

  @Test
  void readingWithoutFromFailsWhenApplied() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Pipeline.create().apply(TextIO.read()));

    assertTrue(e.getMessage().contains("call .from("), e.getMessage());
  }

  @Test
  void aTimestampPolicyOnAReadThatDoesNotWatchFailsWhenAppliedWithTheFix() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "a\n");
    TextIO.Read read = TextIO.read().from(file.toString())
        .withTimestampPolicy(TimestampPolicy.eventTime((String line) -> new Instant(0), Duration.ZERO));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipeline.create().apply(read));

    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(".watchForNewFiles("),
        e.getMessage());
  }

  @Test
  void watchingWithAZeroPollIntervalFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextIO.read().from(dir + "/*").watchForNewFiles(Duration.ZERO, Watch.Growth.never()));

    assertTrue(e.getMessage().contains("poll interval must be positive"), e.getMessage());
  }

  @Test
  void aWatchingReadOfAnEmptyDirectoryIsAnUnboundedCollection() {
    PCollection<String> lines = Pipeline.create()
        .apply(TextIO.read().from(dir + "/*.txt").watchForNewFiles(Duration.millis(10), Watch.Growth.never()));

    assertEquals(PCollection.IsBounded.UNBOUNDED, lines.isBounded());
  }

  @Test
  void writingWithoutToFailsWhenApplied() throws IOException {
    PCollection<String> lines = readableLines();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> lines.apply(TextIO.write()));

    assertTrue(e.getMessage().contains("call .to("), e.getMessage());
  }

  @Test
  void aTemplateWithoutShardIndexNeedsOneShard() throws IOException {
    PCollection<String> lines = readableLines();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lines.apply(TextIO.write().to(dir + "/out").withShardNameTemplate("-of-NN").withNumShards(3)));

    assertTrue(e.getMessage().contains("'-of-NN' has no 'S'") && e.getMessage().contains("withoutSharding()"),
        e.getMessage());
  }

  @Test
  void aNegativeShardCountIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextIO.write().to("x").withNumShards(-1));

    assertTrue(e.getMessage().contains("withNumShards(-1)"), e.getMessage());
  }

  @Test
  void withoutShardingMeansOneShardAndNoTemplate() {
    TextIO.Write write = TextIO.write().to("x").withNumShards(5).withoutSharding();

    assertEquals(1, write.getNumShards());
    assertEquals("", write.getShardTemplate());
  }

  @Test
  void theDefaultTemplateIsBeams() {
    assertEquals("-SSSSS-of-NNNNN", TextIO.write().to("x").getShardTemplate());
  }

  private PCollection<String> readableLines() throws IOException {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a\n");
    return Pipeline.create().apply(TextIO.read().from(input.toString()));
  }
  private PCollection<String> unboundedLines() {
    return Pipeline.create()
        .apply(TextIO.read().from(dir + "/*.txt").watchForNewFiles(Duration.millis(10), Watch.Growth.never()));
  }

  @Test
  void writingAnUnboundedCollectionWithoutWindowedWritesFailsWithTheFix() {
    PCollection<String> lines = unboundedLines();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lines.apply(TextIO.write().to(dir + "/out")));

    assertTrue(e.getMessage().contains(dir + "/out") && e.getMessage().contains(lines.getName())
        && e.getMessage().contains("add .withWindowedWrites()"), e.getMessage());
  }

  @Test
  void writingAnUnboundedCollectionAsJsonWithoutWindowedWritesFailsWithTheFix() {
    PCollection<String> lines = unboundedLines();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lines.apply(JsonIO.<String>write().to(dir + "/out")));

    assertTrue(e.getMessage().startsWith("JsonIO.write()") && e.getMessage().contains("add .withWindowedWrites()"),
        e.getMessage());
  }

  @Test
  void windowedWritesRefuseAShardCountNamingTheFix() {
    PCollection<String> lines = unboundedLines();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lines.apply(TextIO.write().to(dir + "/out").withWindowedWrites().withNumShards(1)));

    assertTrue(e.getMessage().contains("cannot also take withNumShards") && e.getMessage().contains("remove those"),
        e.getMessage());
  }
}
