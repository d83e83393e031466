package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvCoderTest {
  private static final KvCoder<String, Long> CODER = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Test
  void roundTripsAPair() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, KV.of("key", Long.MIN_VALUE));
  }

  @Test
  void encodesTheKeyThenTheValueWithNoFraming() throws Exception {
    assertArrayEquals(new byte[] {1, 'k', 7}, CoderProperties.encode(CODER, KV.of("k", 7L)));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, KV.of("", 0L), KV.of("second", -1L));
  }

  @Test
  void encodesANullKeyWhenTheKeyCoderIsNullable() throws Exception {
    KvCoder<String, Long> nullableKeys = KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), VarLongCoder.of());
    CoderProperties.coderDecodeEncodeEqual(nullableKeys, KV.of(null, 3L));
  }

  @Test
  void rejectsANullKeyNamingItsTypeAndTheFix() {
    CoderException e = assertThrows(CoderException.class, () -> CoderProperties.encode(CODER, KV.of(null, 3L)));
    assertEquals("cannot encode a null String; wrap the coder in NullableCoder", e.getMessage());
  }

  @Test
  void exposesItsComponentCoders() {
    assertSame(StringUtf8Coder.of(), CODER.getKeyCoder());
    assertSame(VarLongCoder.of(), CODER.getValueCoder());
    assertEquals(List.of(StringUtf8Coder.of(), VarLongCoder.of()), CODER.getCoderArguments());
  }

  @Test
  void isDeterministicWhenBothComponentsAre() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
  }

  @Test
  void namesTheNonDeterministicValueCoder() {
    KvCoder<String, Double> coder = KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of());
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
    assertTrue(e.getMessage().contains("the value coder must be deterministic"), e.getMessage());
    assertSame(DoubleCoder.of(), ((Coder.NonDeterministicException) e.getCause()).getCoder());
  }

  @Test
  void namesTheNonDeterministicKeyCoder() {
    KvCoder<Double, String> coder = KvCoder.of(DoubleCoder.of(), StringUtf8Coder.of());
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
    assertTrue(e.getMessage().contains("the key coder must be deterministic"), e.getMessage());
  }

  @Test
  void comparesByteArrayKeysByContentInStructuralValues() throws Exception {
    KvCoder<byte[], Long> coder = KvCoder.of(ByteArrayCoder.of(), VarLongCoder.of());
    assertFalse(coder.consistentWithEquals());
    assertEquals(coder.structuralValue(KV.of(new byte[] {1, 2}, 5L)), coder.structuralValue(KV.of(new byte[] {1, 2}, 5L)));
    assertNotEquals(coder.structuralValue(KV.of(new byte[] {1, 2}, 5L)), coder.structuralValue(KV.of(new byte[] {1}, 5L)));
    CoderProperties.structuralValueMatchesEncoding(coder, KV.of(new byte[] {1, 2}, 5L), KV.of(new byte[] {1, 2}, 5L));
  }

  @Test
  void usesThePairItselfAsStructuralValueWhenConsistentWithEquals() {
    KV<String, Long> kv = KV.of("a", 1L);
    assertTrue(CODER.consistentWithEquals());
    assertSame(kv, CODER.structuralValue(kv));
  }

  @Test
  void reportsTheEncodedTypeFromItsComponents() {
    assertEquals(new TypeDescriptor<KV<String, Long>>() {}, CODER.getEncodedTypeDescriptor());
  }

  @Test
  void equalsAnotherWithEqualComponents() throws Exception {
    assertEquals(CODER, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    assertEquals(CODER.hashCode(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()).hashCode());
    assertNotEquals(CODER, KvCoder.of(StringUtf8Coder.of(), BigEndianLongCoder.of()));
    CoderProperties.coderSerializable(CODER, KV.of("x", 1L));
  }
}
