package dev.strongroom.client.vault;

/** A vault this account can read: its team, decrypted name and current key version. */
public record VaultInfo(
        String vaultId, String teamId, String name, int keyVersion, String permission) {}
