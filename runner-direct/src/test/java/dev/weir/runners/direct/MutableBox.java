package dev.weir.runners.direct;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/** A mutable element, to test that mutations are caught. */
final class MutableBox implements Serializable {
  private static final long serialVersionUID = 1L;

  String value;

  MutableBox(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return "Box(" + value + ")";
  }

  /** Encodes the box's value. */
  static final class BoxCoder extends Coder<MutableBox> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(MutableBox box, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(box.value, out);
    }

    @Override
    public MutableBox decode(InputStream in) throws IOException {
      return new MutableBox(StringUtf8Coder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
