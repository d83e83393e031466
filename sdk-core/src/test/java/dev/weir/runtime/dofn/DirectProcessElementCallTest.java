package dev.weir.runtime.dofn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class DirectProcessElementCallTest {
  private static final class ElementAndReceiver extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, OutputReceiver<String> out) {}
  }

  private static final class Context extends DoFn<String, String> {
    @ProcessElement
    public void process(ProcessContext c) {}
  }

  private static final class ElementOnly extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e) {}
  }

  private static final class PrimitiveElement extends DoFn<Integer, String> {
    @ProcessElement
    public void process(@Element int e) {}
  }

  private static final class WithWindow extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, BoundedWindow window) {}
  }

  private static final class FourKinds extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, PaneInfo pane, OutputReceiver<String> out) {}
  }

  private static final class FiveParameters extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, PaneInfo pane, BoundedWindow window,
        OutputReceiver<String> out) {}
  }

  private static DirectProcessElementCall callOf(Class<? extends DoFn<?, ?>> type) {
    return DirectProcessElementCall.of(DoFnSignatures.getSignature(type).processElement());
  }

  @Test
  void compilesTheCommonShapesToADirectCall() {
    assertNotNull(callOf(ElementAndReceiver.class));
    assertNotNull(callOf(Context.class));
    assertNotNull(callOf(ElementOnly.class));
  }

  @Test
  void compilesTheMethodOfADoFnInAnotherPackage() throws Exception {
    // The generated class lives in the DoFn's package, and must still see the call interface.
    @SuppressWarnings("unchecked")
    Class<? extends DoFn<?, ?>> filterFn =
        (Class<? extends DoFn<?, ?>>) Class.forName("dev.weir.sdk.transforms.Filter$FilterFn");

    assertNotNull(callOf(filterFn));
  }

  @Test
  void compilesOtherShapesOfUpToFourSuppliedKindsToADirectCall() {
    assertNotNull(callOf(WithWindow.class));
    assertNotNull(callOf(FourKinds.class));
  }

  @Test
  void leavesPrimitiveParametersAndLongerShapesToTheMethodHandle() {
    assertNull(callOf(PrimitiveElement.class));
    assertNull(callOf(FiveParameters.class));
  }
}
