package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.StructuredCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes a {@link ValueInPane} as its value, timestamp, window and pane, one after the other, with
 * the collection's value coder, {@link InstantCoder}, the window coder of the collection's {@code
 * WindowFn} and {@link PaneInfo.PaneInfoCoder}.
 *
 * <p>Deterministic when the value and window coders are. A null {@code ValueInPane} is rejected.
 * Immutable and thread-safe.
 *
 * @param <T> the type of the value
 */
final class ValueInPaneCoder<T> extends StructuredCoder<ValueInPane<T>> {
  private static final long serialVersionUID = 1L;

  private final Coder<T> valueCoder;
  private final Coder<BoundedWindow> windowCoder;

  private ValueInPaneCoder(Coder<T> valueCoder, Coder<BoundedWindow> windowCoder) {
    this.valueCoder = valueCoder;
    this.windowCoder = windowCoder;
  }

  /** A coder of values encoded by {@code valueCoder} in windows encoded by {@code windowCoder}. */
  static <T> ValueInPaneCoder<T> of(Coder<T> valueCoder, Coder<? extends BoundedWindow> windowCoder) {
    checkArgument(valueCoder != null, "the value coder of a ValueInPaneCoder must not be null");
    checkArgument(windowCoder != null, "the window coder of a ValueInPaneCoder must not be null");
    @SuppressWarnings("unchecked") // only windows the coder was made for are ever given to it
    Coder<BoundedWindow> anyWindowCoder = (Coder<BoundedWindow>) windowCoder;
    return new ValueInPaneCoder<>(valueCoder, anyWindowCoder);
  }

  @Override
  public void encode(ValueInPane<T> element, OutputStream out) throws IOException {
    if (element == null) {
      throw new CoderException("cannot encode a null ValueInPane");
    }
    valueCoder.encode(element.value(), out);
    InstantCoder.of().encode(element.timestamp(), out);
    windowCoder.encode(element.window(), out);
    PaneInfo.PaneInfoCoder.INSTANCE.encode(element.pane(), out);
  }

  @Override
  public ValueInPane<T> decode(InputStream in) throws IOException {
    T value = valueCoder.decode(in);
    return new ValueInPane<>(
        value, InstantCoder.of().decode(in), windowCoder.decode(in), PaneInfo.PaneInfoCoder.INSTANCE.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  @Override
  public List<? extends Coder<?>> getComponents() {
    return List.of(valueCoder, windowCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
    verifyDeterministic(this, "the window coder must be deterministic", windowCoder);
  }
}
