package dev.weir.examples.complete.game;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * One scoring action in the game: a user of a team scored points at an event time, as Beam's
 * mobile-gaming examples define it.
 *
 * @param user the user's name
 * @param team the user's team
 * @param score the points scored
 * @param timestamp when the action happened, ms since the epoch (its event time)
 */
public record GameActionInfo(String user, String team, Integer score, Long timestamp) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The field {@code "user"} or {@code "team"}, as {@code ExtractAndSumScore} keys by it. */
  public String getKey(String keyName) {
    return switch (keyName) {
      case "team" -> team;
      case "user" -> user;
      default -> throw new IllegalArgumentException(
          "GameActionInfo has no key field '" + keyName + "'; use \"user\" or \"team\"");
    };
  }

  /** Encodes an action as its user, team (UTF-8 strings), score (var-int) and timestamp (var-long). Deterministic. */
  public static final class GameActionInfoCoder extends AtomicCoder<GameActionInfo> {
    private static final long serialVersionUID = 1L;
    private static final GameActionInfoCoder INSTANCE = new GameActionInfoCoder();

    private GameActionInfoCoder() {}

    public static GameActionInfoCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(GameActionInfo value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.user(), out);
      StringUtf8Coder.of().encode(value.team(), out);
      VarIntCoder.of().encode(value.score(), out);
      VarLongCoder.of().encode(value.timestamp(), out);
    }

    @Override
    public GameActionInfo decode(InputStream in) throws IOException {
      return new GameActionInfo(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in),
          VarIntCoder.of().decode(in), VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
