package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextWriteCommitTest {
  @TempDir Path dir;

  private TextWriteConfig config(int numShards, String header, String footer) {
    return new TextWriteConfig(dir + "/out", ShardNameTemplate.INDEX_OF_MAX, ".txt", header, footer, numShards,
        dir.resolve(".weir-temp-test").toString());
  }

  private KV<Integer, String> tempShard(TextWriteConfig config, int shard, String... lines) throws IOException {
    TextShardWriter writer = TextShardWriter.open(Path.of(config.tempDirectory()), config.header());
    for (String line : lines) {
      writer.writeLine(line);
    }
    return KV.of(shard, writer.finish(config.footer()).toString());
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void renamesEachShardToItsFinalName() throws IOException {
    TextWriteConfig config = config(2, null, null);
    List<KV<Integer, String>> temp = List.of(tempShard(config, 1, "b"), tempShard(config, 0, "a"));

    List<Path> finals = TextWriteCommit.commit(config, temp);

    assertEquals(List.of(dir.resolve("out-00000-of-00002.txt"), dir.resolve("out-00001-of-00002.txt")), finals);
    assertEquals(List.of("a"), Files.readAllLines(finals.get(0)));
    assertEquals(List.of("b"), Files.readAllLines(finals.get(1)));
  }

  @Test
  void deletesTheTemporaryDirectory() throws IOException {
    TextWriteConfig config = config(0, null, null);
    List<KV<Integer, String>> temp = List.of(tempShard(config, TextWriteCommit.UNKNOWN_SHARD, "x"));
    // A file left by a failed attempt of a bundle: not listed, still removed.
    tempShard(config, TextWriteCommit.UNKNOWN_SHARD, "stale");

    TextWriteCommit.commit(config, temp);

    assertEquals(List.of("out-00000-of-00001.txt"), filesInDir());
  }

  @Test
  void writesMissingShardsOfAFixedCountAsHeaderAndFooterOnly() throws IOException {
    TextWriteConfig config = config(3, "head", "foot");
    List<Path> finals = TextWriteCommit.commit(config, List.of(tempShard(config, 1, "only")));

    assertEquals(List.of("head", "foot"), Files.readAllLines(finals.get(0)));
    assertEquals(List.of("head", "only", "foot"), Files.readAllLines(finals.get(1)));
    assertEquals(List.of("head", "foot"), Files.readAllLines(finals.get(2)));
  }

  @Test
  void writesOneEmptyShardWhenNothingWasWrittenAndTheRunnerDecides() throws IOException {
    List<Path> finals = TextWriteCommit.commit(config(0, null, null), List.of());

    assertEquals(List.of(dir.resolve("out-00000-of-00001.txt")), finals);
    assertEquals(0, Files.size(finals.get(0)));
  }

  @Test
  void numbersPerBundleFilesConsecutively() throws IOException {
    TextWriteConfig config = config(0, null, null);
    List<KV<Integer, String>> temp = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      temp.add(tempShard(config, TextWriteCommit.UNKNOWN_SHARD, "line" + i));
    }

    List<Path> finals = TextWriteCommit.commit(config, temp);

    assertEquals(List.of("out-00000-of-00003.txt", "out-00001-of-00003.txt", "out-00002-of-00003.txt"), filesInDir());
    List<String> all = new ArrayList<>();
    for (Path file : finals) {
      all.addAll(Files.readAllLines(file));
    }
    all.sort(null);
    assertEquals(List.of("line0", "line1", "line2"), all);
  }

  @Test
  void replacesAnExistingOutputFile() throws IOException {
    TextWriteConfig config = config(1, null, null);
    Files.writeString(dir.resolve("out-00000-of-00001.txt"), "old\n");

    TextWriteCommit.commit(config, List.of(tempShard(config, 0, "new")));

    assertEquals(List.of("new"), Files.readAllLines(dir.resolve("out-00000-of-00001.txt")));
  }

  @Test
  void aRetriedCommitSkipsFilesAlreadyRenamed() throws IOException {
    TextWriteConfig config = config(2, null, null);
    List<KV<Integer, String>> temp = List.of(tempShard(config, 0, "a"), tempShard(config, 1, "b"));
    // The first attempt renamed shard 0, then failed.
    Files.move(Path.of(temp.get(0).getValue()), dir.resolve("out-00000-of-00002.txt"));

    TextWriteCommit.commit(config, temp);

    assertEquals(List.of("a"), Files.readAllLines(dir.resolve("out-00000-of-00002.txt")));
    assertEquals(List.of("b"), Files.readAllLines(dir.resolve("out-00001-of-00002.txt")));
    assertFalse(Files.exists(Path.of(config.tempDirectory())));
  }

  @Test
  void aMissingTemporaryFileFailsNamingIt() throws IOException {
    TextWriteConfig config = config(1, null, null);
    KV<Integer, String> temp = tempShard(config, 0, "a");
    Files.delete(Path.of(temp.getValue()));

    IOException e = assertThrows(IOException.class, () -> TextWriteCommit.commit(config, List.of(temp)));

    assertTrue(e.getMessage().contains(temp.getValue()), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out-00000-of-00001.txt")));
  }

  @Test
  void aShardWrittenTwiceFails() throws IOException {
    TextWriteConfig config = config(2, null, null);
    List<KV<Integer, String>> temp = List.of(tempShard(config, 0, "a"), tempShard(config, 0, "b"));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TextWriteCommit.commit(config, temp));

    assertTrue(e.getMessage().contains("shard 0 was written twice"), e.getMessage());
  }
}
