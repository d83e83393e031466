package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TimestampedValue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The determinism verdict of each standard coder, which decides whether it may encode grouping keys. */
class CoderDeterminismTest {
  static Stream<Coder<?>> deterministicCoders() {
    return Stream.of(StringUtf8Coder.of(), VarIntCoder.of(), VarLongCoder.of(), BigEndianIntegerCoder.of(),
        BigEndianLongCoder.of(), BooleanCoder.of(), ByteCoder.of(), ByteArrayCoder.of(), VoidCoder.of(),
        InstantCoder.of(), DurationCoder.of(), BigIntegerCoder.of(), BigDecimalCoder.of(),
        KvCoder.of(StringUtf8Coder.of(), ListCoder.of(NullableCoder.of(VarLongCoder.of()))),
        TimestampedValue.TimestampedValueCoder.of(ByteArrayCoder.of()));
  }

  static Stream<Coder<?>> nonDeterministicCoders() {
    return Stream.of(DoubleCoder.of(), FloatCoder.of(), IterableCoder.of(VarIntCoder.of()),
        CollectionCoder.of(VarIntCoder.of()), SetCoder.of(VarIntCoder.of()),
        MapCoder.of(VarIntCoder.of(), VarIntCoder.of()), SerializableCoder.of(String.class),
        ListCoder.of(DoubleCoder.of()), NullableCoder.of(FloatCoder.of()),
        TimestampedValue.TimestampedValueCoder.of(SetCoder.of(VarIntCoder.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deterministicCoders")
  void deterministicCodersSayNothing(Coder<?> coder) {
    assertDoesNotThrow(() -> coder.verifyDeterministic());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonDeterministicCoders")
  void nonDeterministicCodersNameThemselves(Coder<?> coder) {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
    assertTrue(e.getMessage().startsWith(coder + " is not deterministic: "), e.getMessage());
    assertSame(coder, e.getCoder());
  }

  @Test
  void aNestedVerdictNamesEveryLevelDownToTheCulprit() {
    Coder<?> coder = KvCoder.of(StringUtf8Coder.of(), ListCoder.of(MapCoder.of(VarIntCoder.of(), VarIntCoder.of())));
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
    Throwable middle = e.getCause();
    Throwable culprit = middle.getCause();
    assertTrue(middle.getMessage().startsWith("ListCoder"), middle.getMessage());
    assertTrue(culprit.getMessage().contains("iteration order of a Map"), culprit.getMessage());
  }
}
