package dev.weir.sdk.transforms.join;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.values.TupleTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CoGbkResult}, its schema and coders. */
class CoGbkResultTest {
  private static final TupleTag<String> NAMES = new TupleTag<>("names");
  private static final TupleTag<Integer> AGES = new TupleTag<>("ages");
  private static final CoGbkResultSchema SCHEMA = CoGbkResultSchema.of(List.of(NAMES, AGES));
  private static final UnionCoder UNION_CODER = UnionCoder.of(List.of(StringUtf8Coder.of(), VarIntCoder.of()));

  private static CoGbkResult result(RawUnionValue... values) {
    return new CoGbkResult(SCHEMA, List.of(values));
  }

  @Test
  void getAllReturnsTheValuesOfOneInput() {
    CoGbkResult result = result(new RawUnionValue(0, "ann"), new RawUnionValue(1, 31), new RawUnionValue(0, "bo"));
    assertThat(result.getAll(NAMES), contains("ann", "bo"));
    assertThat(result.getAll(AGES), contains(31));
    assertThat(result.<Integer>getAll("ages"), contains(31));
    assertThat(result.isEmpty(), is(false));
  }

  @Test
  void getOnlyReturnsTheSingleValueOrTheDefault() {
    CoGbkResult result = result(new RawUnionValue(1, 31));
    assertThat(result.getOnly(AGES), equalTo(31));
    assertThat(result.getOnly(NAMES, "nobody"), equalTo("nobody"));
    assertThat(result.getAll(NAMES), emptyIterable());
  }

  @Test
  void getOnlyOfSeveralValuesFailsNamingTheTagAndTheFix() {
    CoGbkResult result = result(new RawUnionValue(0, "ann"), new RawUnionValue(0, "bo"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> result.getOnly(NAMES));
    assertThat(e.getMessage(), allOf(containsString("Tag<names>"), containsString("non-singleton result"),
        containsString("ann, bo"), containsString("getAll(tag)")));
    e = assertThrows(IllegalArgumentException.class, () -> result.getOnly(NAMES, "default"));
    assertThat(e.getMessage(), containsString("non-singleton result"));
  }

  @Test
  void getOnlyOfNoValueWithoutADefaultFailsNamingTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> result().getOnly(AGES));
    assertThat(e.getMessage(), allOf(containsString("Tag<ages>"), containsString("empty result"),
        containsString("getOnly(tag, defaultValue)")));
  }

  @Test
  void aTagOutsideTheSchemaFailsNamingTheKnownTags() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> result().getAll(new TupleTag<String>("emails")));
    assertThat(e.getMessage(), allOf(containsString("Tag<emails>"), containsString("not in the schema"),
        containsString("Tag<names>"), containsString("Tag<ages>")));
  }

  @Test
  void resultsBuiltTagByTagEqualResultsFromUnionValues() {
    CoGbkResult built = CoGbkResult.of(NAMES, List.of("ann")).and(AGES, List.of(31, 32));
    assertThat(built, equalTo(result(new RawUnionValue(0, "ann"), new RawUnionValue(1, 31), new RawUnionValue(1, 32))));
    assertThat(CoGbkResult.empty().isEmpty(), is(true));
  }

  @Test
  void resultCoderRoundTrips() throws Exception {
    CoGbkResult.CoGbkResultCoder coder = CoGbkResult.CoGbkResultCoder.of(SCHEMA, UNION_CODER);
    CoderProperties.coderDecodeEncodeEqual(coder, result(new RawUnionValue(0, "ann"), new RawUnionValue(1, 31)));
    CoderProperties.coderDecodesBackToBack(coder, result(), result(new RawUnionValue(1, 5), new RawUnionValue(1, 6)));
    CoderProperties.coderSerializable(coder, result(new RawUnionValue(0, "x")));
  }

  @Test
  void unionCoderRoundTripsEachTagWithItsCoder() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(UNION_CODER, new RawUnionValue(0, "text"));
    CoderProperties.coderDecodesBackToBack(UNION_CODER, new RawUnionValue(1, -7), new RawUnionValue(0, ""));
    UNION_CODER.verifyDeterministic();
  }

  @Test
  void unionCoderRejectsATagItHasNoCoderFor() {
    CoderException e = assertThrows(CoderException.class,
        () -> CoderUtils.encodeToByteArray(UNION_CODER, new RawUnionValue(2, "x")));
    assertThat(e.getMessage(), containsString("union tag 2 is outside [0, 2)"));
  }

  @Test
  void aSchemaRejectsRepeatedTags() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CoGbkResultSchema.of(List.of(NAMES, NAMES)));
    assertThat(e.getMessage(), containsString("Tag<names> appears twice"));
  }
}
