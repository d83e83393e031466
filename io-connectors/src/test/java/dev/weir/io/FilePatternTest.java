package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePatternTest {
  @TempDir Path dir;

  @BeforeEach
  void createFiles() throws IOException {
    for (String name : List.of("a1.txt", "a2.txt", "b1.txt", "b.csv", "sub/c1.txt", "sub/deep/d1.txt")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, name);
    }
  }

  private List<String> match(String glob) throws IOException {
    return new FilePattern(dir + "/" + glob).match().stream()
        .map(path -> dir.relativize(path).toString())
        .collect(Collectors.toList());
  }

  @Test
  void starMatchesWithinOneDirectoryInNameOrder() throws IOException {
    assertEquals(List.of("a1.txt", "a2.txt", "b1.txt"), match("*.txt"));
  }

  @Test
  void questionMarkMatchesOneCharacter() throws IOException {
    assertEquals(List.of("a1.txt", "a2.txt"), match("a?.txt"));
  }

  @Test
  void bracesMatchAlternatives() throws IOException {
    assertEquals(List.of("a2.txt", "b.csv"), match("{a2.txt,b.csv}"));
  }

  @Test
  void doubleStarCrossesDirectories() throws IOException {
    assertEquals(List.of("sub/c1.txt", "sub/deep/d1.txt"), match("**/*1.txt"));
  }

  @Test
  void aGlobInASubdirectoryLevelMatchesThere() throws IOException {
    assertEquals(List.of("sub/c1.txt"), match("s*/*.txt"));
  }

  @Test
  void aPlainNameMatchesThatFileOnly() throws IOException {
    assertEquals(List.of("b.csv"), match("b.csv"));
    assertFalse(new FilePattern(dir + "/b.csv").isGlob());
  }

  @Test
  void matchesNothingUnderAMissingDirectory() throws IOException {
    assertEquals(List.of(), match("missing/*.txt"));
  }

  @Test
  void directoriesAreNotMatches() throws IOException {
    assertEquals(List.of(), match("su*"));
    assertTrue(new FilePattern(dir + "/sub").namesDirectory());
  }
}
