/**
 * Account flows against an untrusted server ({@link dev.strongroom.client.account.AccountService}):
 * registration, SRP login with KDF floors and local pins, unlock with key-substitution checks,
 * password change, sessions, deletion, directory lookups; and the client's small local files:
 * {@link dev.strongroom.client.account.ServerProfiles} and {@link
 * dev.strongroom.client.account.FileKdfPinStore}.
 */
package dev.strongroom.client.account;
