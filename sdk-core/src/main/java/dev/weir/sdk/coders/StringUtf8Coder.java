package dev.weir.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** INTERIM (replaced by the coders branch). */
public final class StringUtf8Coder extends Coder<String> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder INSTANCE = new StringUtf8Coder();

  public static StringUtf8Coder of() {
    return INSTANCE;
  }

  @Override
  public void encode(String value, OutputStream out) throws IOException {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(b.length);
    d.write(b);
    d.flush();
  }

  @Override
  public String decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    byte[] b = new byte[d.readInt()];
    d.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
