package dev.weir.sdk.transforms.reflect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter;
import dev.weir.sdk.transforms.reflect.DoFnSignature.Parameter.Kind;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class DoFnSignaturesTest {

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

  static class EveryParameter extends DoFn<String, Integer> {
    @ProcessElement
    public void process(
        @Element String element,
        @Timestamp Instant timestamp,
        OutputReceiver<Integer> out,
        MultiOutputReceiver outs,
        ProcessContext context,
        IntervalWindow window,
        PaneInfo pane,
        PipelineOptions options,
        @SideInput("lookup") List<String> lookup) {}
  }

  @Test
  void recognizesEveryProcessElementParameterKindInOrder() {
    DoFnSignature signature = DoFnSignatures.getSignature(EveryParameter.class);
    assertEquals(
        List.of(Kind.ELEMENT, Kind.TIMESTAMP, Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.PROCESS_CONTEXT,
            Kind.WINDOW, Kind.PANE_INFO, Kind.PIPELINE_OPTIONS, Kind.SIDE_INPUT),
        kinds(signature.processElement().extraParameters()));
    assertEquals(List.of("lookup"), signature.processElement().sideInputIds());
    assertEquals(TypeDescriptor.of(IntervalWindow.class), signature.processElement().windowType());
    assertTrue(signature.processElement().observesWindow());
  }

  static class Lifecycle extends DoFn<String, String> {
    @Setup
    public void setup(PipelineOptions options) {}

    @StartBundle
    public void start(StartBundleContext c, PipelineOptions options) {}

    @ProcessElement
    public void process() {}

    @FinishBundle
    public void finish(FinishBundleContext c, PipelineOptions options) {}

    @Teardown
    public void teardown() {}
  }

  @Test
  void recognizesLifecycleAndBundleMethods() {
    DoFnSignature signature = DoFnSignatures.getSignature(Lifecycle.class);
    assertEquals("setup", signature.setup().targetMethod().getName());
    assertEquals(List.of(Kind.PIPELINE_OPTIONS), kinds(signature.setup().extraParameters()));
    assertEquals(List.of(Kind.START_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS),
        kinds(signature.startBundle().extraParameters()));
    assertEquals(List.of(Kind.FINISH_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS),
        kinds(signature.finishBundle().extraParameters()));
    assertEquals("teardown", signature.teardown().targetMethod().getName());
    assertFalse(signature.processElement().observesWindow());
  }

  @Test
  void leavesUndeclaredMethodsNull() {
    DoFnSignature signature = DoFnSignatures.getSignature(EveryParameter.class);
    assertNull(signature.setup());
    assertNull(signature.startBundle());
    assertNull(signature.finishBundle());
    assertNull(signature.teardown());
  }

  @Test
  void cachesTheSignatureOfAClass() {
    assertSame(DoFnSignatures.getSignature(Lifecycle.class), DoFnSignatures.getSignature(Lifecycle.class));
  }

  abstract static class BaseFn<T> extends DoFn<T, T> {
    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {}

    @Teardown
    public void teardown() {}
  }

  static class Subclass extends BaseFn<String> {}

  static class Overriding extends BaseFn<String> {
    @Override
    @Teardown
    public void teardown() {}
  }

  @Test
  void findsAnnotatedMethodsOnSuperclasses() {
    DoFnSignature signature = DoFnSignatures.getSignature(Subclass.class);
    assertEquals(BaseFn.class, signature.processElement().targetMethod().getDeclaringClass());
    assertEquals(BaseFn.class, signature.teardown().targetMethod().getDeclaringClass());
  }

  @Test
  void countsAnOverriddenAnnotatedMethodOnce() {
    DoFnSignature signature = DoFnSignatures.getSignature(Overriding.class);
    assertEquals(Overriding.class, signature.teardown().targetMethod().getDeclaringClass());
  }

  @Test
  void rejectsAClassThatIsNotADoFn() {
    assertThat(rejection(String.class), containsString("Not a DoFn class: class java.lang.String"));
  }

  static class NoProcessElement extends DoFn<String, String> {}

  @Test
  void rejectsADoFnWithoutProcessElement() {
    assertThat(rejection(NoProcessElement.class), allOf(
        containsString(NoProcessElement.class.getName()),
        containsString("has no method annotated with @ProcessElement")));
  }

  static class TwoProcessElements extends DoFn<String, String> {
    @ProcessElement
    public void first() {}

    @ProcessElement
    public void second() {}
  }

  @Test
  void rejectsTwoProcessElementMethods() {
    assertThat(rejection(TwoProcessElements.class), allOf(
        containsString(TwoProcessElements.class.getName()),
        containsString("2 methods annotated with @ProcessElement"),
        containsString("TwoProcessElements.first()"),
        containsString("TwoProcessElements.second()"),
        containsString("only one")));
  }

  static class TwoSetups extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @Setup
    public void one() {}

    @Setup
    public void two() {}
  }

  @Test
  void rejectsTwoSetupMethods() {
    assertThat(rejection(TwoSetups.class), containsString("2 methods annotated with @Setup"));
  }

  static class NotPublic extends DoFn<String, String> {
    @ProcessElement
    void process() {}
  }

  @Test
  void rejectsANonPublicMethod() {
    assertThat(rejection(NotPublic.class), allOf(
        containsString(NotPublic.class.getName()),
        containsString("@ProcessElement method process()"),
        containsString("must be public")));
  }

  static class Static extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @StartBundle
    public static void start() {}
  }

  @Test
  void rejectsAStaticMethod() {
    assertThat(rejection(Static.class), allOf(
        containsString("@StartBundle method start()"), containsString("must not be static")));
  }

  static class ReturnsValue extends DoFn<String, String> {
    @ProcessElement
    public String process(@Element String e) {
      return e;
    }
  }

  @Test
  void rejectsAMethodThatReturnsAValue() {
    assertThat(rejection(ReturnsValue.class), allOf(
        containsString("@ProcessElement method process(String)"), containsString("must return void, not java.lang.String")));
  }

  static class UnknownParameter extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, int count) {}
  }

  @Test
  void rejectsAnUnrecognizedParameterNamingItsPositionTypeAndTheAllowedOnes() {
    assertThat(rejection(UnknownParameter.class), allOf(
        containsString(UnknownParameter.class.getName()),
        containsString("@ProcessElement method process(String, int)"),
        containsString("parameter at index 1 of type int is not a recognized parameter"),
        containsString("@Element T, @Timestamp Instant, OutputReceiver<OutputT>, MultiOutputReceiver")));
  }

  static class TimestampNotInstant extends DoFn<String, String> {
    @ProcessElement
    public void process(@Timestamp long millis) {}
  }

  @Test
  void rejectsATimestampThatIsNotAnInstant() {
    assertThat(rejection(TimestampNotInstant.class), allOf(
        containsString("parameter at index 0 of type long"),
        containsString("annotated @Timestamp but is not an org.joda.time.Instant")));
  }

  static class WrongElementType extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element Integer e) {}
  }

  @Test
  void rejectsAnElementParameterThatCannotHoldTheInputType() {
    assertThat(rejection(WrongElementType.class), allOf(
        containsString("parameter at index 0 of type java.lang.Integer is the @Element"),
        containsString("cannot hold the DoFn's input type java.lang.String")));
  }

  static class SupertypeElement extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element CharSequence e) {}
  }

  @Test
  void acceptsAnElementParameterOfASupertypeOfTheInput() {
    assertEquals(Kind.ELEMENT,
        DoFnSignatures.getSignature(SupertypeElement.class).processElement().extraParameters().get(0).kind());
  }

  static class WrongReceiverType extends DoFn<String, String> {
    @ProcessElement
    public void process(OutputReceiver<Integer> out) {}
  }

  @Test
  void rejectsAnOutputReceiverOfAnotherType() {
    assertThat(rejection(WrongReceiverType.class), allOf(
        containsString("OutputReceiver<java.lang.Integer>"),
        containsString("not the DoFn's output type java.lang.String"),
        containsString("declare it as OutputReceiver<java.lang.String>")));
  }

  static class RepeatedWindow extends DoFn<String, String> {
    @ProcessElement
    public void process(BoundedWindow first, BoundedWindow second) {}
  }

  @Test
  void rejectsARepeatedParameter() {
    assertThat(rejection(RepeatedWindow.class), allOf(
        containsString("parameter at index 1 of type " + BoundedWindow.class.getName()),
        containsString("repeats the WINDOW parameter at index 0")));
  }

  static class EmptySideInputId extends DoFn<String, String> {
    @ProcessElement
    public void process(@SideInput("") String side) {}
  }

  @Test
  void rejectsAnEmptySideInputId() {
    assertThat(rejection(EmptySideInputId.class), containsString("has an empty @SideInput id"));
  }

  static class TwoMarks extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element @SideInput("x") String e) {}
  }

  @Test
  void rejectsAParameterWithTwoMarks() {
    assertThat(rejection(TwoMarks.class), containsString("carries more than one of @Element, @Timestamp, @Key, @SideInput, @StateId, @TimerId"));
  }

  static class ProcessTakesBundleContext extends DoFn<String, String> {
    @ProcessElement
    public void process(StartBundleContext c) {}
  }

  @Test
  void rejectsABundleContextInProcessElement() {
    assertThat(rejection(ProcessTakesBundleContext.class), allOf(
        containsString("(START_BUNDLE_CONTEXT) is not allowed here"),
        containsString("@ProcessElement methods take only @Element T")));
  }

  static class StartTakesProcessContext extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @StartBundle
    public void start(ProcessContext c) {}
  }

  @Test
  void rejectsAProcessContextInStartBundle() {
    assertThat(rejection(StartTakesProcessContext.class), allOf(
        containsString(StartTakesProcessContext.class.getName()),
        containsString("@StartBundle method start(ProcessContext)"),
        containsString("parameter at index 0"),
        containsString("@StartBundle methods take only DoFn.StartBundleContext, PipelineOptions")));
  }

  static class FinishTakesStartContext extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @FinishBundle
    public void finish(StartBundleContext c) {}
  }

  @Test
  void rejectsAStartBundleContextInFinishBundle() {
    assertThat(rejection(FinishTakesStartContext.class),
        containsString("@FinishBundle methods take only DoFn.FinishBundleContext, PipelineOptions"));
  }

  static class SetupTakesElement extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @Setup
    public void setup(@Element String e) {}
  }

  @Test
  void rejectsAnElementInSetup() {
    assertThat(rejection(SetupTakesElement.class), allOf(
        containsString("@Setup method setup(String)"),
        containsString("(ELEMENT) is not allowed here"),
        containsString("@Setup methods take only PipelineOptions")));
  }

  static class TeardownTakesOptions extends DoFn<String, String> {
    @ProcessElement
    public void process() {}

    @Teardown
    public void teardown(PipelineOptions options) {}
  }

  @Test
  void rejectsAnyParameterInTeardown() {
    assertThat(rejection(TeardownTakesOptions.class), allOf(
        containsString("@Teardown method teardown(PipelineOptions)"),
        containsString("@Teardown methods take no parameters")));
  }
}
