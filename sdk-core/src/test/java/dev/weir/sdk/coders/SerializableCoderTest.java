package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializableCoderTest {
  record Point(int x, String label) implements Serializable {}

  static final class NotSerializable {}

  private static final SerializableCoder<Point> CODER = SerializableCoder.of(Point.class);

  @Test
  void roundTripsASerializableValue() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, new Point(3, "ü"));
  }

  @Test
  void decodesValuesWrittenBackToBackThanksToItsLengthPrefix() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, new Point(1, "a"), new Point(2, "b"));
  }

  @Test
  void rejectsNullNamingTheTypeAndTheFix() {
    CoderException e = assertThrows(CoderException.class, () -> CoderProperties.encode(CODER, null));
    assertEquals("cannot encode a null Point; wrap the coder in NullableCoder", e.getMessage());
  }

  @Test
  void isNotDeterministicNamingJavaSerializationAndTheType() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("Java serialization"), e.getMessage());
    assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
  }

  @Test
  void equalsAnotherCoderOfTheSameRecordType() throws Exception {
    assertEquals(CODER, SerializableCoder.of(Point.class));
    assertEquals(CODER.hashCode(), SerializableCoder.of(Point.class).hashCode());
    assertNotEquals(CODER, SerializableCoder.of(String.class));
    CoderProperties.coderSerializable(CODER, new Point(0, ""));
  }

  @Test
  void keepsAGenericTypeGivenAsADescriptor() throws Exception {
    TypeDescriptor<ArrayList<String>> type = new TypeDescriptor<ArrayList<String>>() {};
    SerializableCoder<ArrayList<String>> coder = SerializableCoder.of(type);
    assertEquals(type, coder.getEncodedTypeDescriptor());
    assertSame(ArrayList.class, coder.getRecordType());
    CoderProperties.coderDecodeEncodeEqual(coder, new ArrayList<>(List.of("a")));
  }

  @Test
  void providesACoderForASerializableType() throws Exception {
    Coder<Point> coder = SerializableCoder.getCoderProvider().coderFor(TypeDescriptor.of(Point.class), List.of());
    assertEquals(CODER, coder);
  }

  @Test
  void refusesToProvideACoderForATypeThatIsNotSerializable() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> SerializableCoder.getCoderProvider().coderFor(TypeDescriptor.of(NotSerializable.class), List.of()));
    assertTrue(e.getMessage().contains("does not implement Serializable"), e.getMessage());
  }

  @Test
  void failsToDecodeGarbageWithACoderException() {
    byte[] garbage = {3, 1, 2, 3};
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, garbage));
  }
}
