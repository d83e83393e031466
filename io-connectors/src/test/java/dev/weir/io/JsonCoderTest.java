package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderUtils;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JsonCoder and DeadLetterCoder: round trips and declared determinism. */
class JsonCoderTest {
  /** A value with a nested list. */
  public record Event(String id, List<Integer> values) {}

  private static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }

  @Test
  void roundTripsARecord() throws Exception {
    Event event = new Event("e\"1", List.of(1, 2));

    assertEquals(event, roundTrip(JsonCoder.of(Event.class), event));
  }

  @Test
  void roundTripsATree() throws Exception {
    JsonNode tree = new ObjectMapper().readTree("{\"a\": [1, {\"b\": null}], \"c\": \"ü\"}");

    assertEquals(tree, roundTrip(JsonCoder.of(JsonNode.class), tree));
  }

  @Test
  void declaresItselfNonDeterministicSayingWhy() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class,
        () -> JsonCoder.of(Event.class).verifyDeterministic());

    assertTrue(e.getMessage().contains("is not canonical"), e.getMessage());
  }

  @Test
  void roundTripsADeadLetterDeterministically() throws Exception {
    DeadLetter letter = new DeadLetter("{bad", "/in/a.json", 42, "Unexpected character");

    assertEquals(letter, roundTrip(DeadLetterCoder.of(), letter));
    DeadLetterCoder.of().verifyDeterministic();
  }
}
