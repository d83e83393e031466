package dev.weir.sdk.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializedRecordTest {
  record Shard(String prefix, int index, Object tag) implements Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }
  }

  record Plan(List<Shard> shards, Shard first) implements Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }
  }

  /** Rejects a blank name; the canonical constructor is the only way in. */
  record Named(String name) implements Serializable {
    Named {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name is blank");
      }
    }

    private Object writeReplace() {
      return SerializedRecord.of(this);
    }
  }

  @Test
  void aRecordReadsBackEqual() throws Exception {
    Shard shard = new Shard("out/part", 3, 7L);

    assertEquals(shard, roundTrip(shard));
  }

  @Test
  void nullComponentsReadBackNull() throws Exception {
    Shard shard = new Shard(null, 0, null);

    assertEquals(shard, roundTrip(shard));
  }

  @Test
  void recordsInsideRecordsReadBackEqual() throws Exception {
    Plan plan = new Plan(List.of(new Shard("a", 0, null), new Shard("b", 1, "x")), new Shard("a", 0, null));

    assertEquals(plan, roundTrip(plan));
  }

  @Test
  void aValueItsConstructorRejectsFailsToRead() throws Exception {
    byte[] bytes = serialize(new Named("kept"));
    // The same stream with the name's characters turned into blanks: the constructor must reject it.
    String stream = new String(bytes, StandardCharsets.ISO_8859_1).replace("kept", "    ");

    InvalidObjectException e = assertThrows(InvalidObjectException.class,
        () -> deserialize(stream.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("The serialized " + Named.class.getName() + " fails its own checks: name is blank", e.getMessage());
  }

  private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    Object read = deserialize(serialize(value));
    assertInstanceOf(value.getClass(), read);
    return read;
  }

  private static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
