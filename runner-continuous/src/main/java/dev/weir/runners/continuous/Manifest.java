package dev.weir.runners.continuous;

import dev.weir.runtime.graph.GraphFingerprint;
import dev.weir.sdk.coders.BooleanCoder;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The last file of a complete checkpoint: which checkpoint it is, the graph that wrote it, the
 * shape of the job (each operator's name and number of subtasks), the sinks' prepared but
 * uncommitted transactions up to this checkpoint. A checkpoint directory
 * without a manifest is incomplete and ignored.
 *
 * @param checkpointId the checkpoint's id; ids grow from 1
 * @param finished whether the job had ended: a restart only commits the pending transactions
 * @param fingerprint the graph of the pipeline that wrote it
 * @param operators each stage's head name and subtask count, in plan order
 * @param pendingSinks each sink step's name and {@code SinkCommitter.pendingBytesUpTo(checkpointId)}
 */
record Manifest(
    long checkpointId,
    boolean finished,
    GraphFingerprint fingerprint,
    List<KV<String, Integer>> operators,
    List<KV<String, byte[]>> pendingSinks) {

  /** Encodes a manifest field by field; version 1 of the manifest format. */
  static final class ManifestCoder extends CustomCoder<Manifest> {
    private static final long serialVersionUID = 1L;
    private static final Coder<List<KV<String, Integer>>> OPERATORS =
        ListCoder.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    private static final Coder<List<KV<String, byte[]>>> SINKS =
        ListCoder.of(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));

    @Override
    public void encode(Manifest manifest, OutputStream out) throws IOException {
      VarLongCoder.of().encode(manifest.checkpointId(), out);
      BooleanCoder.of().encode(manifest.finished(), out);
      GraphFingerprint.coder().encode(manifest.fingerprint(), out);
      OPERATORS.encode(manifest.operators(), out);
      SINKS.encode(manifest.pendingSinks(), out);
    }

    @Override
    public Manifest decode(InputStream in) throws IOException {
      return new Manifest(VarLongCoder.of().decode(in), BooleanCoder.of().decode(in),
          GraphFingerprint.coder().decode(in), OPERATORS.decode(in), SINKS.decode(in));
    }
  }
}
