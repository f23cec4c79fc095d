/**
 * Security alerts: what the client raises when a server (or data it controls) attempts one of the
 * attacks of the threat model. Every alert has a stable code; the CLI maps all of them to exit code
 * 6.
 */
package dev.strongroom.client.alert;
