/**
 * The REST envelope every endpoint answers with ({@code {success, data}} or
 * {@code {success:false, error:{code, message}}}) and the translation of every failure
 * into it.
 */
package io.orderchat.shared.web;
