/** The unlocked state of an account: its server session and keys, wiped by {@code lock()}. */
package dev.strongroom.client.session;
