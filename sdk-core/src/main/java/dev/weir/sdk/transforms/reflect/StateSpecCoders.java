package dev.weir.sdk.transforms.reflect;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature.StateDeclaration;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the {@link StateSpec}s of a DoFn the coders they were declared without, as Beam's
 * {@code ParDo} does when it is applied: for each type argument of the declared state type (the
 * {@code Integer} of a {@code StateSpec<ValueState<Integer>>} field), the coder registry's coder,
 * with the DoFn's input coder binding the input's type variables. For a combining state the
 * accumulator coder comes from the {@code CombineFn} first ({@code getAccumulatorCoder}), given the
 * coder of the input type.
 *
 * <p>Specs keep coders given explicitly. Called by {@code ParDo} at expansion and by runners that
 * run a DoFn outside a pipeline; calling it again changes nothing. Not thread-safe per DoFn
 * instance (it completes the instance's spec objects).
 */
public final class StateSpecCoders {
  private StateSpecCoders() {}

  /**
   * Completes every state spec of {@code fn}.
   *
   * @param registry the coder registry to infer from
   * @param inputCoder the coder of the DoFn's input, or null when unknown
   * @throws IllegalArgumentException naming the DoFn, the state id and the fix, when a coder
   *     cannot be inferred
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void finishSpecifying(DoFn<?, ?> fn, CoderRegistry registry, Coder<?> inputCoder) {
    DoFnSignature signature = DoFnSignatures.getSignature(fn.getClass());
    for (StateDeclaration declaration : signature.stateDeclarations().values()) {
      StateSpec<?> spec = declaration.spec(fn);
      List<String> reasons = new ArrayList<>();
      Coder<?>[] coders = typeArgumentCoders(fn, declaration.stateType(), registry, (Coder) inputCoder, reasons);
      Coder<?> fromCombineFn = accumulatorCoder(spec, coders, registry, reasons);
      if (fromCombineFn != null) {
        coders[1] = fromCombineFn;
      }
      spec.offerCoders(coders);
      try {
        spec.finishSpecifying();
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + ", @StateId(\"" + declaration.id()
            + "\") field " + declaration.field().getName() + " of type " + declaration.stateType() + ": "
            + e.getMessage() + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"), e);
      }
    }
  }

  private static <InputT> Coder<?>[] typeArgumentCoders(DoFn<InputT, ?> fn, TypeDescriptor<?> stateType,
      CoderRegistry registry, Coder<InputT> inputCoder, List<String> reasons) {
    Type type = stateType.getType();
    if (!(type instanceof ParameterizedType)) {
      return new Coder<?>[0];
    }
    Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
    Coder<?>[] coders = new Coder<?>[Math.max(arguments.length, 2)];
    for (int i = 0; i < arguments.length; i++) {
      TypeDescriptor<?> argument = TypeDescriptor.of(arguments[i]);
      try {
        coders[i] = inputCoder == null
            ? registry.getCoder(argument)
            : registry.getCoder(argument, fn.getInputTypeDescriptor(), inputCoder);
      } catch (CannotProvideCoderException | RuntimeException e) {
        reasons.add("no coder for " + argument + ": " + e.getMessage());
      }
    }
    return coders;
  }

  /** The accumulator coder a combining spec's CombineFn gives for the inferred input coder, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Coder<?> accumulatorCoder(StateSpec<?> spec, Coder<?>[] coders, CoderRegistry registry,
      List<String> reasons) {
    CombineFn<?, ?, ?> combineFn = spec.match(new CombineFnOfSpec());
    if (combineFn == null || coders.length < 1 || coders[0] == null) {
      return null;
    }
    try {
      return ((CombineFn) combineFn).getAccumulatorCoder(registry, coders[0]);
    } catch (CannotProvideCoderException | RuntimeException e) {
      reasons.add(e.getMessage());
      return null;
    }
  }

  /** The CombineFn of a combining spec without an accumulator coder; null for anything else. */
  private static final class CombineFnOfSpec implements StateSpec.Cases<CombineFn<?, ?, ?>> {
    @Override
    public CombineFn<?, ?, ?> dispatchValue(Coder<?> valueCoder) {
      return null;
    }

    @Override
    public CombineFn<?, ?, ?> dispatchBag(Coder<?> elementCoder) {
      return null;
    }

    @Override
    public CombineFn<?, ?, ?> dispatchSet(Coder<?> elementCoder) {
      return null;
    }

    @Override
    public CombineFn<?, ?, ?> dispatchMap(Coder<?> keyCoder, Coder<?> valueCoder) {
      return null;
    }

    @Override
    public CombineFn<?, ?, ?> dispatchOrderedList(Coder<?> elementCoder) {
      return null;
    }

    @Override
    public CombineFn<?, ?, ?> dispatchCombining(CombineFn<?, ?, ?> combineFn, Coder<?> accumCoder) {
      return accumCoder == null ? combineFn : null;
    }
  }
}
