package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.SerializableFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContentsCheckTest {

  @Test
  void passingCheckReturns() {
    check(List.of(1, 2), ContentsCheck.matching(SerializableMatchers.containsInAnyOrder(2, 1)));
  }

  @Test
  void failedMatcherNamesTheAssertionItsLineAndTheMismatch() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> check(List.of(1, 4), ContentsCheck.matching(SerializableMatchers.containsInAnyOrder(1, 2))));

    assertThat(error.getMessage(), startsWith(
        "PAssert$7 failed, declared at dev.weir.sdk.testing.ContentsCheckTest.check(ContentsCheckTest.java:"));
    assertThat(error.getMessage(), containsString("):\nExpected: iterable with items [1, 2] in any order\n"
        + "     but: missing [2] and unexpected [4] in 2 elements: [1, 4]"));
  }

  @Test
  void mismatchHasNoCauseSinceItsMessageSaysItAll() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> check(List.of(1), ContentsCheck.matching(SerializableMatchers.containsInAnyOrder(2))));

    assertThat(error.getCause(), nullValue());
  }

  @Test
  void failureCarriesTheDeclarationAsItsStackTrace() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> check(List.of(1), ContentsCheck.matching(SerializableMatchers.containsInAnyOrder(2))));

    assertThat(error.getStackTrace()[0].getClassName(), startsWith(ContentsCheckTest.class.getName()));
  }

  @Test
  void failureShowsTheReasonGiven() {
    AssertionSite site = AssertionSite.capture("PAssert$8", "all words counted");
    ContentsCheck<Integer, Iterable<Integer>> check = new ContentsCheck<>(
        site, VarIntCoder.of(), ActualShape.elements(), ContentsCheck.matching(SerializableMatchers.containsInAnyOrder()));

    AssertionError error = assertThrows(AssertionError.class, () -> check.verify(List.of(1)));

    assertThat(error.getMessage(), startsWith("PAssert$8 failed (all words counted), declared at "));
  }

  @Test
  void exceptionOfAUserCheckBecomesTheCauseOfTheAssertionError() {
    IllegalStateException thrown = new IllegalStateException("bad count");
    SerializableFunction<Iterable<Integer>, Void> userCheck = elements -> {
      throw thrown;
    };

    AssertionError error = assertThrows(AssertionError.class, () -> check(List.of(1), userCheck));

    assertThat(error.getCause(), sameInstance(thrown));
    assertThat(error.getMessage(), containsString(": java.lang.IllegalStateException: bad count"));
  }

  @Test
  void assertionErrorOfAUserCheckKeepsItsMessage() {
    SerializableFunction<Iterable<Integer>, Void> userCheck = elements -> {
      throw new AssertionError("expected 3 but was 1");
    };

    AssertionError error = assertThrows(AssertionError.class, () -> check(List.of(1), userCheck));

    assertThat(error.getMessage(), containsString(": expected 3 but was 1"));
    assertThat(error.getCause(), instanceOf(AssertionError.class));
  }

  @Test
  void shapeFailureFailsTheAssertion() {
    AssertionSite site = AssertionSite.capture("PAssert$9", null);
    ContentsCheck<Integer, Integer> check = new ContentsCheck<>(
        site, VarIntCoder.of(), ActualShape.singleElement("Sum.out"), value -> null);

    AssertionError error = assertThrows(AssertionError.class, () -> check.verify(List.of()));

    assertThat(error.getMessage(),
        containsString(": expected PCollection 'Sum.out' to hold exactly one element, but it is empty"));
  }

  @Test
  void elementsAreCheckedAsTheCoderReturnsThem() {
    AtomicReference<Iterable<String>> seen = new AtomicReference<>();
    ContentsCheck<String, Iterable<String>> check = new ContentsCheck<>(
        AssertionSite.capture("PAssert$10", null), new LowerCasingCoder(), ActualShape.elements(),
        elements -> {
          seen.set(elements);
          return null;
        });

    check.verify(List.of("A", "b"));

    assertThat(seen.get(), equalTo(List.of("a", "b")));
  }

  private static void check(Iterable<Integer> contents, SerializableFunction<Iterable<Integer>, Void> checkerFn) {
    new ContentsCheck<>(AssertionSite.capture("PAssert$7", null), VarIntCoder.of(), ActualShape.elements(), checkerFn)
        .verify(contents);
  }

  /** Decodes strings in lower case: a coder whose output differs from its input, as some do. */
  private static final class LowerCasingCoder extends CustomCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws CoderException, IOException {
      return StringUtf8Coder.of().decode(in).toLowerCase(Locale.ROOT);
    }
  }
}
