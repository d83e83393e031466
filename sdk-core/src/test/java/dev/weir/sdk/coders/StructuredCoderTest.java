package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class StructuredCoderTest {
  @Test
  void codersWithEqualComponentsAreEqual() {
    Coder<?> a = KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarIntCoder.of()));
    Coder<?> b = KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarIntCoder.of()));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void codersOfDifferentClassesWithEqualComponentsDiffer() {
    assertNotEquals(SetCoder.of(VarIntCoder.of()), ListCoder.of(VarIntCoder.of()));
    assertNotEquals(VarIntCoder.of(), BigEndianIntegerCoder.of());
  }

  @Test
  void anAtomicCoderEqualsItsDeserializedCopy() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(VarLongCoder.of());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(VarLongCoder.of(), in.readObject());
    }
  }

  @Test
  void describesItselfWithItsComponents() {
    assertEquals("KvCoder[StringUtf8Coder, ListCoder[VarIntCoder]]",
        KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarIntCoder.of())).toString());
  }
}
