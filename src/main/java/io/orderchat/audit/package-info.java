/**
 * The audit trail of staff actions (who, what, when, on which conversation, how much was
 * removed), written in the acting transaction and readable by admins;
 * {@link io.orderchat.audit.AuditTrail} is the entry point.
 */
package io.orderchat.audit;
