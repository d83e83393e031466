package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BigDecimalCoderTest {
  private static final Coder<BigDecimal> CODER = BigDecimalCoder.of();

  static Stream<BigDecimal> edgeValues() {
    return Stream.of(BigDecimal.ZERO, new BigDecimal("-0.000001"), new BigDecimal("1E+10"),
        new BigDecimal("3.14159265358979323846264338327950288419716939937510"), new BigDecimal("-1e-400"));
  }

  @ParameterizedTest
  @MethodSource("edgeValues")
  void roundTripsEdgeValuesKeepingTheScale(BigDecimal value) throws Exception {
    BigDecimal decoded = CoderProperties.decodeEncode(CODER, value);
    assertEquals(value, decoded);
    assertEquals(value.scale(), decoded.scale());
  }

  @Test
  void distinguishesValuesThatDifferOnlyInScaleLikeEquals() throws Exception {
    CoderProperties.structuralValueMatchesEncoding(CODER, new BigDecimal("1.0"), new BigDecimal("1.00"));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, new BigDecimal("1E+10"), new BigDecimal("-2.5"));
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
