/**
 * What every module shares: the catalogue of error codes and the exception that carries
 * one.
 */
package io.orderchat.shared;
