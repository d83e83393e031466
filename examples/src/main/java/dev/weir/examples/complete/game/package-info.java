/**
 * Beam's mobile-gaming example {@code LeaderBoard}, ported with its imports changed, on a small
 * generator of game actions ({@code GameEvents}) in place of Beam's Pub/Sub injector.
 */
package dev.weir.examples.complete.game;
