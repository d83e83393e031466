package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Coders built from coders stay self-delimiting at every level of nesting. */
class CompositionTest {
  private static final Coder<KV<String, List<Long>>> KV_OF_NULLABLES =
      KvCoder.of(StringUtf8Coder.of(), ListCoder.of(NullableCoder.of(VarLongCoder.of())));

  @Test
  void roundTripsAKvOfAListOfNullableLongs() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(KV_OF_NULLABLES, KV.of("k", Arrays.asList(1L, null, Long.MIN_VALUE)));
  }

  @Test
  void decodesNestedValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(
        KV_OF_NULLABLES, KV.of("", Arrays.asList((Long) null)), KV.of("second", List.of()));
  }

  @Test
  void roundTripsAListOfKvsWithByteArrayKeysAndMapValues() throws Exception {
    Coder<List<KV<byte[], Map<String, List<Instant>>>>> coder = ListCoder.of(KvCoder.of(
        ByteArrayCoder.of(), MapCoder.of(StringUtf8Coder.of(), ListCoder.of(InstantCoder.of()))));
    List<KV<byte[], Map<String, List<Instant>>>> value = List.of(
        KV.of(new byte[] {1, 2}, Map.of("a", List.of(new Instant(1), new Instant(-1)))),
        KV.of(new byte[0], Map.of()));
    CoderProperties.coderDecodeEncodeEqual(coder, value);
    CoderProperties.coderDecodesBackToBack(coder, value, List.of());
  }

  @Test
  void roundTripsTimestampedIterablesOfNullableStrings() throws Exception {
    Coder<TimestampedValue<Iterable<String>>> coder =
        TimestampedValue.TimestampedValueCoder.of(IterableCoder.of(NullableCoder.of(StringUtf8Coder.of())));
    TimestampedValue<Iterable<String>> value = TimestampedValue.of(Arrays.asList("x", null), new Instant(7));
    CoderProperties.coderDecodeEncodeEqual(coder, value);
  }

  @Test
  void reportsTheFullNestedEncodedType() {
    assertEquals(new TypeDescriptor<KV<String, List<Long>>>() {}, KV_OF_NULLABLES.getEncodedTypeDescriptor());
  }

  @Test
  void survivesJavaSerializationOfTheWholeTree() throws Exception {
    CoderProperties.coderSerializable(KV_OF_NULLABLES, KV.of("x", Arrays.asList(2L, null)));
  }
}
