package dev.weir.sdk.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

  @Test
  void measuresLevenshteinDistance() {
    assertEquals(3, ClosestMatch.distance("kitten", "sitting"));
    assertEquals(0, ClosestMatch.distance("", ""));
    assertEquals(4, ClosestMatch.distance("", "abcd"));
  }

  @Test
  void suggestsTheNearestCandidateIgnoringCase() {
    assertEquals(Optional.of("targetParallelism"),
        ClosestMatch.among(List.of("jobName", "targetParallelism"), "TARGETparalelism"));
  }

  @Test
  void suggestsNothingWhenNoCandidateIsPlausible() {
    assertEquals(Optional.empty(), ClosestMatch.among(List.of("jobName", "runner"), "zzzzzzzz"));
  }
}
