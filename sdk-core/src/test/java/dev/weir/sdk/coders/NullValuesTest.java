package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.values.TimestampedValue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every coder that does not accept null says so, naming the type and the fix. */
class NullValuesTest {
  static Stream<Arguments> nonNullableCoders() {
    return Stream.of(
        Arguments.of(StringUtf8Coder.of(), "String"),
        Arguments.of(VarIntCoder.of(), "Integer"),
        Arguments.of(VarLongCoder.of(), "Long"),
        Arguments.of(BigEndianIntegerCoder.of(), "Integer"),
        Arguments.of(BigEndianLongCoder.of(), "Long"),
        Arguments.of(DoubleCoder.of(), "Double"),
        Arguments.of(FloatCoder.of(), "Float"),
        Arguments.of(BooleanCoder.of(), "Boolean"),
        Arguments.of(ByteCoder.of(), "Byte"),
        Arguments.of(ByteArrayCoder.of(), "byte[]"),
        Arguments.of(InstantCoder.of(), "Instant"),
        Arguments.of(DurationCoder.of(), "Duration"),
        Arguments.of(BigIntegerCoder.of(), "BigInteger"),
        Arguments.of(BigDecimalCoder.of(), "BigDecimal"),
        Arguments.of(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()), "KV"),
        Arguments.of(IterableCoder.of(VarIntCoder.of()), "Iterable"),
        Arguments.of(CollectionCoder.of(VarIntCoder.of()), "Collection"),
        Arguments.of(ListCoder.of(VarIntCoder.of()), "List"),
        Arguments.of(SetCoder.of(VarIntCoder.of()), "Set"),
        Arguments.of(MapCoder.of(VarIntCoder.of(), VarIntCoder.of()), "Map"),
        Arguments.of(TimestampedValue.TimestampedValueCoder.of(VarIntCoder.of()), "TimestampedValue"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonNullableCoders")
  void rejectsNullNamingTheTypeAndNullableCoder(Coder<Object> coder, String typeName) {
    CoderException e = assertThrows(CoderException.class, () -> CoderProperties.encode(coder, null));
    assertEquals("cannot encode a null " + typeName + "; wrap the coder in NullableCoder", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonNullableCoders")
  void acceptsNullOnceWrappedInNullableCoder(Coder<Object> coder, String typeName) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(NullableCoder.of(coder), null);
  }
}
