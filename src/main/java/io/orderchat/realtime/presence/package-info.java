/**
 * Who is online and who is typing: ephemeral realtime state, never stored, behind small
 * interfaces with an in-process implementation (one node) so a cluster-wide one can
 * replace it.
 */
package io.orderchat.realtime.presence;
