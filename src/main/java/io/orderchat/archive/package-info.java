/**
 * Archiving: messages of finished, old conversations move out of the hot messages table,
 * one runner at a time across nodes, and stay readable through the all_messages view.
 */
package io.orderchat.archive;
