package dev.weir.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** INTERIM (replaced by the coders branch). */
public final class VarIntCoder extends Coder<Integer> {
  private static final long serialVersionUID = 1L;
  private static final VarIntCoder INSTANCE = new VarIntCoder();

  public static VarIntCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Integer value, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(value);
    d.flush();
  }

  @Override
  public Integer decode(InputStream in) throws IOException {
    return new DataInputStream(in).readInt();
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
