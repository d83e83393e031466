package dev.weir.sdk.transforms.reflect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter.Kind;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** How DoFnSignatures reads state, timers, @OnTimer and @OnWindowExpiration, and what it rejects. */
class StatefulDoFnSignaturesTest {

  private static String rejection(Class<?> fnClass) {
    return assertThrows(IllegalArgumentException.class, () -> DoFnSignatures.getSignature(fnClass)).getMessage();
  }

  private static List<Kind> kinds(List<Parameter> parameters) {
    List<Kind> kinds = new ArrayList<>();
    for (Parameter p : parameters) {
      kinds.add(p.kind());
    }
    return kinds;
  }

  static class Full extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @StateId("seen")
    private final StateSpec<BagState<String>> seen = StateSpecs.bag();

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("count") ValueState<Integer> c,
        @TimerId("flush") Timer t) {}

    @OnTimer("flush")
    public void onFlush(OnTimerContext context, IntervalWindow window, @Timestamp Instant timestamp,
        TimeDomain domain, OutputReceiver<String> out, MultiOutputReceiver outs, PipelineOptions options,
        @StateId("seen") BagState<String> s, @TimerId("flush") Timer t, @Key String key) {}

    @OnWindowExpiration
    public void expire(BoundedWindow window, @Timestamp Instant timestamp, OutputReceiver<String> out,
        @StateId("count") ValueState<Integer> c, @Key String key) {}
  }

  @Test
  void readsStateAndTimerDeclarationsWithTheirTypes() {
    DoFnSignature signature = DoFnSignatures.getSignature(Full.class);
    assertEquals(List.of("count", "seen"), List.copyOf(signature.stateDeclarations().keySet()));
    assertEquals(new TypeDescriptor<ValueState<Integer>>() {}, signature.stateDeclarations().get("count").stateType());
    assertEquals(new TypeDescriptor<BagState<String>>() {}, signature.stateDeclarations().get("seen").stateType());
    assertEquals(List.of("flush"), List.copyOf(signature.timerDeclarations().keySet()));
    assertTrue(signature.usesState());
    assertTrue(signature.usesTimers());
    assertTrue(signature.isStateful());
  }

  @Test
  void readsTheSpecsOfAnInstance() {
    Full fn = new Full();
    DoFnSignature signature = DoFnSignatures.getSignature(Full.class);
    assertEquals(fn.count, signature.stateDeclarations().get("count").spec(fn));
    assertEquals(TimeDomain.EVENT_TIME, signature.timerDeclarations().get("flush").spec(fn).getTimeDomain());
  }

  @Test
  void recognizesStateAndTimerParametersOfProcessElement() {
    List<Parameter> parameters = DoFnSignatures.getSignature(Full.class).processElement().extraParameters();
    assertEquals(List.of(Kind.ELEMENT, Kind.STATE, Kind.TIMER), kinds(parameters));
    assertEquals("count", parameters.get(1).id());
    assertEquals("flush", parameters.get(2).id());
    assertNull(parameters.get(1).sideInputId());
  }

  @Test
  void recognizesEveryOnTimerParameterKindInOrder() {
    DoFnSignature.OnTimerMethod onTimer = DoFnSignatures.getSignature(Full.class).onTimerMethods().get("flush");
    assertEquals("flush", onTimer.timerId());
    assertEquals(
        List.of(Kind.ON_TIMER_CONTEXT, Kind.WINDOW, Kind.TIMESTAMP, Kind.TIME_DOMAIN, Kind.OUTPUT_RECEIVER,
            Kind.MULTI_OUTPUT_RECEIVER, Kind.PIPELINE_OPTIONS, Kind.STATE, Kind.TIMER, Kind.KEY),
        kinds(onTimer.extraParameters()));
  }

  @Test
  void recognizesOnWindowExpirationParameters() {
    DoFnSignature.OnWindowExpirationMethod expiration = DoFnSignatures.getSignature(Full.class).onWindowExpiration();
    assertNotNull(expiration);
    assertEquals(List.of(Kind.WINDOW, Kind.TIMESTAMP, Kind.OUTPUT_RECEIVER, Kind.STATE, Kind.KEY),
        kinds(expiration.extraParameters()));
  }

  static class Stateless extends DoFn<String, String> {
    @ProcessElement
    public void process() {}
  }

  @Test
  void aDoFnWithoutStateOrTimersIsNotStateful() {
    DoFnSignature signature = DoFnSignatures.getSignature(Stateless.class);
    assertFalse(signature.isStateful());
    assertTrue(signature.stateDeclarations().isEmpty());
    assertTrue(signature.onTimerMethods().isEmpty());
    assertNull(signature.onWindowExpiration());
  }

  static class ExpirationOnly extends DoFn<KV<String, Integer>, String> {
    @ProcessElement
    public void process() {}

    @OnWindowExpiration
    public void expire() {}
  }

  @Test
  void onWindowExpirationAloneMakesADoFnStateful() {
    assertTrue(DoFnSignatures.getSignature(ExpirationOnly.class).isStateful());
  }

  static class UndeclaredStateParameter extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("cuont") ValueState<Integer> c) {}
  }

  @Test
  void rejectsAReferenceToUndeclaredState() {
    assertThat(rejection(UndeclaredStateParameter.class), allOf(
        containsString(UndeclaredStateParameter.class.getName()), containsString("@StateId(\"cuont\")"),
        containsString("not declared"), containsString("[count]")));
  }

  static class DuplicateStateId extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> first = StateSpecs.value();

    @StateId("count")
    private final StateSpec<ValueState<Integer>> second = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsAStateIdDeclaredTwice() {
    assertThat(rejection(DuplicateStateId.class), allOf(
        containsString(DuplicateStateId.class.getName()), containsString("declares @StateId(\"count\") twice"),
        containsString("first"), containsString("second")));
  }

  static class DuplicateTimerId extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec first = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("t")
    private final TimerSpec second = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    public void onT() {}
  }

  @Test
  void rejectsATimerIdDeclaredTwice() {
    assertThat(rejection(DuplicateTimerId.class), containsString("declares @TimerId(\"t\") twice"));
  }

  static class NonFinalState extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsANonFinalStateField() {
    assertThat(rejection(NonFinalState.class), allOf(
        containsString("@StateId(\"count\") field NonFinalState.count"), containsString("is not final")));
  }

  static class StateOnWrongType extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final Integer count = 0;

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsStateIdOnAFieldThatIsNotAStateSpec() {
    assertThat(rejection(StateOnWrongType.class), allOf(
        containsString("has type java.lang.Integer, not StateSpec"), containsString("StateSpecs.value()")));
  }

  static class EmptyTimerId extends DoFn<KV<String, Integer>, String> {
    @TimerId("")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsAnEmptyTimerId() {
    assertThat(rejection(EmptyTimerId.class), containsString("has an empty id"));
  }

  static class WrongStateParameterType extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") BagState<Integer> c) {}
  }

  @Test
  void rejectsAStateParameterOfAnotherType() {
    assertThat(rejection(WrongStateParameterType.class), allOf(
        containsString("@StateId(\"count\")"), containsString("declared as"),
        containsString("ValueState<java.lang.Integer>"), containsString("declare the parameter as")));
  }

  static class SupertypeStateParameter extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ReadableState<Integer> c) {}
  }

  @Test
  void acceptsAStateParameterOfASupertypeOfTheDeclaredState() {
    assertEquals(List.of(Kind.STATE),
        kinds(DoFnSignatures.getSignature(SupertypeStateParameter.class).processElement().extraParameters()));
  }

  static class TimerIdOnWrongType extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("t") String t) {}

    @OnTimer("t")
    public void onT() {}
  }

  @Test
  void rejectsATimerParameterThatIsNotATimer() {
    assertThat(rejection(TimerIdOnWrongType.class), containsString("is annotated @TimerId but is not a Timer"));
  }

  static class UndeclaredTimerParameter extends DoFn<KV<String, Integer>, String> {
    @ProcessElement
    public void process(@TimerId("t") Timer t) {}
  }

  @Test
  void rejectsAReferenceToAnUndeclaredTimer() {
    assertThat(rejection(UndeclaredTimerParameter.class), allOf(
        containsString("@TimerId(\"t\")"), containsString("not declared")));
  }

  static class OnTimerForUnknownTimer extends DoFn<KV<String, Integer>, String> {
    @ProcessElement
    public void process() {}

    @OnTimer("missing")
    public void onMissing() {}
  }

  @Test
  void rejectsOnTimerForAnUnknownTimer() {
    assertThat(rejection(OnTimerForUnknownTimer.class), allOf(
        containsString(OnTimerForUnknownTimer.class.getName()), containsString("@OnTimer(\"missing\")"),
        containsString("onMissing()"), containsString("not declared")));
  }

  static class TimerWithoutCallback extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsATimerWithoutOnTimerMethod() {
    assertThat(rejection(TimerWithoutCallback.class), allOf(
        containsString("declares timer \"t\" but has no @OnTimer(\"t\") method")));
  }

  static class TwoCallbacks extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    public void first() {}

    @OnTimer("t")
    public void second() {}
  }

  @Test
  void rejectsTwoOnTimerMethodsForOneTimer() {
    assertThat(rejection(TwoCallbacks.class), containsString("has two @OnTimer(\"t\") methods"));
  }

  static class PrivateOnTimer extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    void onT() {}
  }

  @Test
  void rejectsANonPublicOnTimerMethod() {
    assertThat(rejection(PrivateOnTimer.class), allOf(containsString("@OnTimer method onT()"),
        containsString("must be public")));
  }

  static class ElementInOnTimer extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    public void onT(@Element KV<String, Integer> e) {}
  }

  @Test
  void rejectsTheElementInOnTimer() {
    assertThat(rejection(ElementInOnTimer.class), allOf(containsString("(ELEMENT) is not allowed here"),
        containsString("@OnTimer methods take only")));
  }

  static class TimerInExpiration extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    public void onT() {}

    @OnWindowExpiration
    public void expire(@TimerId("t") Timer t) {}
  }

  @Test
  void rejectsATimerInOnWindowExpiration() {
    assertThat(rejection(TimerInExpiration.class), allOf(containsString("@OnWindowExpiration"),
        containsString("(TIMER) is not allowed here")));
  }

  static class KeyInProcessElement extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@Key String key) {}
  }

  @Test
  void rejectsTheKeyInProcessElement() {
    assertThat(rejection(KeyInProcessElement.class), containsString("(KEY) is not allowed here"));
  }

  static class WrongKeyType extends DoFn<KV<String, Integer>, String> {
    @TimerId("t")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("t")
    public void onT(@Key Integer key) {}
  }

  @Test
  void rejectsAKeyParameterOfAnotherTypeThanTheInputKey() {
    assertThat(rejection(WrongKeyType.class), allOf(containsString("is the @Key but cannot hold the key type"),
        containsString("declare it as java.lang.String")));
  }

  static class RepeatedState extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ValueState<Integer> a, @StateId("count") ValueState<Integer> b) {}
  }

  @Test
  void rejectsTheSameStateTakenTwice() {
    assertThat(rejection(RepeatedState.class), containsString("repeats the STATE \"count\" parameter at index 0"));
  }

  static class NotKeyed extends DoFn<String, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void rejectsStateOnANonKvInput() {
    assertThat(rejection(NotKeyed.class), allOf(containsString(NotKeyed.class.getName()),
        containsString("uses state or timers but its input type java.lang.String is not a KV")));
  }

  static class StateAndTimerMarks extends DoFn<KV<String, Integer>, String> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") @Element ValueState<Integer> c) {}
  }

  @Test
  void rejectsAParameterWithStateIdAndAnotherMark() {
    assertThat(rejection(StateAndTimerMarks.class), containsString("carries more than one of"));
  }

  abstract static class BaseWithState extends DoFn<KV<String, Integer>, String> {
    @StateId("inherited")
    protected final StateSpec<ValueState<Integer>> inherited = StateSpecs.value();

    @TimerId("t")
    protected final TimerSpec timer = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);
  }

  static class SubclassUsesInherited extends BaseWithState {
    @ProcessElement
    public void process(@StateId("inherited") ValueState<Integer> c, @TimerId("t") Timer t) {}

    @OnTimer("t")
    public void onT() {}
  }

  @Test
  void findsStateAndTimersDeclaredInASuperclass() {
    DoFnSignature signature = DoFnSignatures.getSignature(SubclassUsesInherited.class);
    assertEquals(List.of("inherited"), List.copyOf(signature.stateDeclarations().keySet()));
    assertEquals(List.of("t"), List.copyOf(signature.onTimerMethods().keySet()));
  }
}
