/**
 * The client vocabularies, one package each: OrderChat's own ({@code canonical},
 * docs/protocol.md) and one per seed app whose existing clients must work unchanged
 * (../shared/dialects/DIALECTS.md): {@code exchange} (seed 000), {@code busy2shop} (001),
 * {@code dispatcher} (002), {@code helpdesk} (003), {@code marketplace} (004). Each holds
 * its socket commands, how it renders events, and its own REST endpoints where the app
 * has them. What the seed vocabularies share (their error event, ids given bare or in an
 * object, the REST order-chat reads) is here.
 */
package io.orderchat.realtime.protocol;
