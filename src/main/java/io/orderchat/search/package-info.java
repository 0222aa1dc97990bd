/**
 * Message search: the messages a caller may read that match a text, with filters, ranked
 * and keyset-paged; {@link io.orderchat.search.MessageSearch} is the entry point.
 */
package io.orderchat.search;
