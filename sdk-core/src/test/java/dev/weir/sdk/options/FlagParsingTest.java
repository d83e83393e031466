package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class FlagParsingTest {

  public enum Level {
    LOW,
    HIGH
  }

  /** A type with no flag syntax of its own, so it parses from JSON. */
  public record Endpoint(String host, int port) {}

  public interface TypedOptions extends PipelineOptions {
    String getText();

    void setText(String value);

    boolean isVerbose();

    void setVerbose(boolean value);

    Boolean getMaybe();

    void setMaybe(Boolean value);

    byte getTinyNumber();

    void setTinyNumber(byte value);

    Short getShortNumber();

    void setShortNumber(Short value);

    int getTargetParallelism();

    void setTargetParallelism(int value);

    Long getBigNumber();

    void setBigNumber(Long value);

    float getRatio();

    void setRatio(float value);

    Double getFactor();

    void setFactor(Double value);

    char getSeparator();

    void setSeparator(char value);

    Level getLevel();

    void setLevel(Level value);

    Class<?> getAnyClass();

    void setAnyClass(Class<?> value);

    Class<? extends Number> getNumberClass();

    void setNumberClass(Class<? extends Number> value);

    List<String> getTags();

    void setTags(List<String> value);

    List<Integer> getSizes();

    void setSizes(List<Integer> value);

    Set<Level> getLevels();

    void setLevels(Set<Level> value);

    SortedSet<Long> getSortedIds();

    void setSortedIds(SortedSet<Long> value);

    String[] getNames();

    void setNames(String[] value);

    int[] getPorts();

    void setPorts(int[] value);

    Duration getTimeout();

    void setTimeout(Duration value);

    Instant getStartAt();

    void setStartAt(Instant value);

    Map<String, Integer> getWeights();

    void setWeights(Map<String, Integer> value);

    Endpoint getEndpoint();

    void setEndpoint(Endpoint value);

    List<Endpoint> getEndpoints();

    void setEndpoints(List<Endpoint> value);
  }

  private static TypedOptions parse(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(TypedOptions.class);
  }

  private static String errorOf(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
  }

  @Test
  void parsesStringsKeepingEqualsSignsInTheValue() {
    assertEquals("a=b", parse("--text=a=b").getText());
    assertEquals("", parse("--text=").getText());
  }

  @Test
  void parsesBooleansAndABareFlagMeansTrue() {
    assertTrue(parse("--verbose").isVerbose());
    assertTrue(parse("--verbose=TRUE").isVerbose());
    assertFalse(parse("--verbose=false").isVerbose());
    assertFalse(parse("--maybe=false").getMaybe());
    assertNull(parse().getMaybe());
  }

  @Test
  void parsesEveryNumericType() {
    TypedOptions options = parse("--tinyNumber=-8", "--shortNumber=300", "--targetParallelism=12",
        "--bigNumber=9000000000", "--ratio=0.25", "--factor=1e3");
    assertEquals((byte) -8, options.getTinyNumber());
    assertEquals((short) 300, options.getShortNumber());
    assertEquals(12, options.getTargetParallelism());
    assertEquals(9_000_000_000L, options.getBigNumber());
    assertEquals(0.25f, options.getRatio());
    assertEquals(1000.0, options.getFactor());
  }

  @Test
  void parsesCharacters() {
    assertEquals(';', parse("--separator=;").getSeparator());
  }

  @Test
  void parsesEnumsByExactName() {
    assertEquals(Level.HIGH, parse("--level=HIGH").getLevel());
  }

  @Test
  void parsesClassesByQualifiedNameWithinTheirBound() {
    TypedOptions options =
        parse("--anyClass=java.lang.StringBuilder", "--numberClass=java.lang.Integer");
    assertEquals(StringBuilder.class, options.getAnyClass());
    assertEquals(Integer.class, options.getNumberClass());
  }

  @Test
  void parsesListsFromRepeatedFlagsAndCommas() {
    TypedOptions options = parse("--tags=a,b", "--tags=c", "--sizes=1,2,3");
    assertEquals(List.of("a", "b", "c"), options.getTags());
    assertEquals(List.of(1, 2, 3), options.getSizes());
  }

  @Test
  void anEmptyListValueIsAnEmptyList() {
    assertEquals(List.of(), parse("--tags=").getTags());
  }

  @Test
  void parsesSetsAndSortedSets() {
    TypedOptions options = parse("--levels=HIGH,LOW,HIGH", "--sortedIds=3,1,2");
    assertEquals(Set.of(Level.HIGH, Level.LOW), options.getLevels());
    assertEquals(new TreeSet<>(List.of(1L, 2L, 3L)), options.getSortedIds());
  }

  @Test
  void parsesArrays() {
    TypedOptions options = parse("--names=x,y", "--ports=80", "--ports=443");
    assertArrayEquals(new String[] {"x", "y"}, options.getNames());
    assertArrayEquals(new int[] {80, 443}, options.getPorts());
  }

  @Test
  void parsesIsoAndShortDurations() {
    assertEquals(Duration.standardSeconds(5), parse("--timeout=PT5S").getTimeout());
    assertEquals(Duration.standardSeconds(90), parse("--timeout=PT1M30S").getTimeout());
    assertEquals(Duration.standardSeconds(5), parse("--timeout=5s").getTimeout());
    assertEquals(Duration.millis(200), parse("--timeout=200ms").getTimeout());
    assertEquals(Duration.standardMinutes(1), parse("--timeout=1m").getTimeout());
    assertEquals(Duration.standardHours(2), parse("--timeout=2h").getTimeout());
    assertEquals(Duration.standardDays(1), parse("--timeout=1d").getTimeout());
  }

  @Test
  void parsesIsoInstants() {
    assertEquals(new Instant(0), parse("--startAt=1970-01-01T00:00:00Z").getStartAt());
  }

  @Test
  void parsesOtherTypesAsJson() {
    TypedOptions options = parse("--weights={\"a\":1,\"b\":2}",
        "--endpoint={\"host\":\"h\",\"port\":9}",
        "--endpoints=[{\"host\":\"x\",\"port\":1}]");
    assertEquals(Map.of("a", 1, "b", 2), options.getWeights());
    assertEquals(new Endpoint("h", 9), options.getEndpoint());
    assertEquals(List.of(new Endpoint("x", 1)), options.getEndpoints());
  }

  @Test
  void emptyAndNullArgumentsAreSkipped() {
    assertEquals("t", parse("", null, "--text=t").getText());
  }

  @Test
  void anUnknownFlagSuggestsTheClosestOption() {
    assertEquals("Unknown option --targetParalelism. Did you mean --targetParallelism?",
        errorOf("--targetParalelism=4"));
  }

  @Test
  void anUnknownFlagWithNothingCloseSaysHowToMakeItKnown() {
    assertThat(errorOf("--zzqqxx=1"), containsString(
        "Unknown option --zzqqxx. No registered options interface declares it: register the "
            + "interface that does with PipelineOptionsFactory.register(...)"));
  }

  @Test
  void anArgumentWithoutDashesIsRejected() {
    assertEquals(
        "Argument 'text=x' does not begin with '--'; pass options as --name=value.",
        errorOf("text=x"));
  }

  @Test
  void aValueAfterASpaceIsRejectedWithTheFixSpelledOut() {
    assertEquals(
        "Argument 'hello' does not begin with '--'; to give --text a value, write --text=hello.",
        errorOf("--text", "hello"));
  }

  @Test
  void anEmptyFlagNameIsRejected() {
    assertEquals(
        "Argument '--=x' has an empty option name; pass options as --name=value.",
        errorOf("--=x"));
  }

  @Test
  void aNumberThatDoesNotParseNamesFlagValueAndType() {
    assertEquals(
        "Invalid value 'many' for option --targetParallelism: expected a value of type int.",
        errorOf("--targetParallelism=many"));
  }

  @Test
  void aBooleanThatDoesNotParseNamesFlagValueAndType() {
    assertEquals("Invalid value 'yes' for option --verbose: expected a value of type boolean.",
        errorOf("--verbose=yes"));
  }

  @Test
  void aBadListElementNamesTheElement() {
    assertEquals("Invalid value 'x' for option --sizes: expected a value of type Integer.",
        errorOf("--sizes=1,x"));
  }

  @Test
  void anUnknownEnumNameListsTheConstantsAndSuggestsTheCaseFix() {
    assertEquals(
        "Invalid value 'high' for option --level: expected one of LOW, HIGH (enum Level, names "
            + "are case-sensitive). Did you mean HIGH?",
        errorOf("--level=high"));
  }

  @Test
  void aClassOutsideItsBoundIsRejected() {
    assertEquals(
        "Invalid value 'java.lang.String' for option --numberClass: expected a subclass of "
            + "java.lang.Number.",
        errorOf("--numberClass=java.lang.String"));
  }

  @Test
  void aMissingClassIsRejected() {
    assertThat(errorOf("--anyClass=no.such.Thing"), containsString(
        "Invalid value 'no.such.Thing' for option --anyClass: expected the fully qualified name "
            + "of a class on the classpath."));
  }

  @Test
  void aBadDurationListsTheAcceptedForms() {
    assertEquals(
        "Invalid value '5 parsecs' for option --timeout: expected a duration such as PT5S, "
            + "PT1M30S, 200ms, 5s, 1m, 2h or 1d.",
        errorOf("--timeout=5 parsecs"));
  }

  @Test
  void badJsonNamesTheTypeExpected() {
    assertThat(errorOf("--endpoint={oops"), containsString(
        "Invalid value '{oops' for option --endpoint: expected JSON for FlagParsingTest.Endpoint"));
  }

  @Test
  void aSingleValuedFlagGivenTwiceIsRejected() {
    assertEquals(
        "Option --text was given 2 times (a, b), but it holds a single String; pass it once.",
        errorOf("--text=a", "--text=b"));
  }

  @Test
  void aBareNonBooleanFlagNeedsAValue() {
    assertEquals(
        "Option --targetParallelism needs a value of type int: pass --targetParallelism=VALUE.",
        errorOf("--targetParallelism"));
  }

  @Test
  void withoutStrictParsingUnknownAndMalformedArgumentsAreIgnored() {
    TypedOptions options = PipelineOptionsFactory.fromArgs("--notDeclaredAnywhere=1", "stray",
        "--text=kept").withoutStrictParsing().as(TypedOptions.class);
    assertEquals("kept", options.getText());
  }

  public interface LateOptions extends PipelineOptions {
    int getLateBoundNumber();

    void setLateBoundNumber(int value);
  }

  @Test
  void withoutStrictParsingAnUndeclaredFlagIsParsedByALaterView() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--lateBoundNumber=17")
        .withoutStrictParsing().create();
    assertThat(options.toString(), containsString("lateBoundNumber: [17] (unparsed)"));
    assertEquals(17, options.as(LateOptions.class).getLateBoundNumber());
  }

  @Test
  void aLaterViewReportsAnUndeclaredFlagThatDoesNotParse() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--lateBoundNumber=lots")
        .withoutStrictParsing().create();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options.as(LateOptions.class));
    assertEquals(
        "Invalid value 'lots' for option --lateBoundNumber: expected a value of type int.",
        e.getMessage());
  }
}
