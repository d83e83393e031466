package dev.weir.runners.microbatch.execution;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link WindowedValue} for the runner's checkpoint: the value with its collection's
 * coder, then the timestamp, the windows (with the window function's coder) and the pane.
 *
 * @param <T> the value type
 */
final class WindowedValueCoder<T> extends CustomCoder<WindowedValue<T>> {
  private static final long serialVersionUID = 1L;

  private final Coder<T> valueCoder;
  private final Coder<List<BoundedWindow>> windowsCoder;

  @SuppressWarnings("unchecked")
  WindowedValueCoder(Coder<T> valueCoder, Coder<? extends BoundedWindow> windowCoder) {
    this.valueCoder = valueCoder;
    this.windowsCoder = ListCoder.of((Coder<BoundedWindow>) windowCoder);
  }

  @Override
  public void encode(WindowedValue<T> value, OutputStream out) throws CoderException, IOException {
    valueCoder.encode(value.getValue(), out);
    InstantCoder.of().encode(value.getTimestamp(), out);
    windowsCoder.encode(new ArrayList<>(value.getWindows()), out);
    PaneInfo.PaneInfoCoder.INSTANCE.encode(value.getPane(), out);
  }

  @Override
  public WindowedValue<T> decode(InputStream in) throws CoderException, IOException {
    T value = valueCoder.decode(in);
    return WindowedValue.of(value, InstantCoder.of().decode(in), windowsCoder.decode(in),
        PaneInfo.PaneInfoCoder.INSTANCE.decode(in));
  }
}
