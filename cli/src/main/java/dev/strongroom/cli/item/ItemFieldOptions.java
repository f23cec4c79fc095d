package dev.strongroom.cli.item;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The field flags {@code item add} and {@code item edit} share. Secret values never come from the
 * command line (other processes can read argv): they come from stdin ({@code --secret-stdin},
 * {@code --field-stdin NAME}) or from files ({@code --field-file NAME=PATH}, {@code --pem-file},
 * {@code --key-file}, {@code --env-file}).
 */
public final class ItemFieldOptions {

    @Option(names = "--name", paramLabel = "NAME", description = "Item name (required for add).")
    String name;

    @Option(
            names = {"--username", "--user"},
            paramLabel = "USER",
            description = "Login username, or database user.")
    String username;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Login URL (repeatable; replaces the list).")
    List<String> urls = new ArrayList<>();

    @Option(
            names = "--key-id",
            paramLabel = "ID",
            description = "API key id (e.g. an AWS access key id).")
    String keyId;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            description = "Database engine, e.g. postgresql.")
    String engine;

    @Option(names = "--host", paramLabel = "HOST", description = "Database host.")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Database port (default by engine).")
    Integer port;

    @Option(names = "--database", paramLabel = "DB", description = "Database name.")
    String database;

    @Option(names = "--comment", paramLabel = "TEXT", description = "SSH key comment.")
    String comment;

    @Option(
            names = {"--secret-stdin", "--password-stdin"},
            description =
                    "Read the item's main secret from stdin: login/database password, API key,"
                            + " note text, SSH private key, certificate key, env set (NAME=VALUE lines).")
    boolean secretStdin;

    @Option(
            names = "--field-stdin",
            paramLabel = "NAME",
            description =
                    "Read field NAME from stdin: a field of the type (password, totp, key, text,"
                            + " privateKey, chain, vars) or else a hidden custom field.")
    String fieldStdin;

    @Option(
            names = "--field-file",
            paramLabel = "NAME=PATH",
            description = "Read field NAME from a file (as --field-stdin; repeatable).")
    List<String> fieldFiles = new ArrayList<>();

    @Option(
            names = "--pem-file",
            paramLabel = "PATH",
            description =
                    "Certificate: PEM chain, leaf first (a PRIVATE KEY block in it becomes the key).")
    Path pemFile;

    @Option(
            names = "--key-file",
            paramLabel = "PATH",
            description = "Private key file (certificate PEM key or OpenSSH key).")
    Path keyFile;

    @Option(
            names = "--env-file",
            paramLabel = "PATH",
            description = "Environment set: NAME=VALUE lines (dotenv).")
    Path envFile;

    @Option(names = "--generate-ssh-key", description = "SSH key: generate a new Ed25519 key pair.")
    boolean generateSshKey;

    @Option(
            names = "--field",
            paramLabel = "KIND:NAME=VALUE",
            description =
                    "Custom field, KIND text or url (hidden ones come from --field-stdin or --field-file); repeatable.")
    List<String> fields = new ArrayList<>();

    @Option(
            names = "--remove-field",
            paramLabel = "NAME",
            description = "Remove a custom field (repeatable).")
    List<String> removeFields = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Add a tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--untag", paramLabel = "TAG", description = "Remove a tag (repeatable).")
    List<String> untags = new ArrayList<>();

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description = "Folder path, e.g. Work/Databases ('' clears).")
    String folder;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes (not secret; '' clears).")
    String notes;

    @Option(
            names = "--rotate-every-days",
            paramLabel = "N",
            description = "Rotation policy: rotate every N days (0 removes it).")
    Integer rotateEveryDays;

    @Option(
            names = "--rotated-on",
            paramLabel = "YYYY-MM-DD",
            description =
                    "Date the secret was last rotated (default: today when a secret or policy changes).")
    LocalDate rotatedOn;

    @Option(
            names = "--expires",
            paramLabel = "YYYY-MM-DD|never",
            description = "Expiry date, or never.")
    String expires;
}
