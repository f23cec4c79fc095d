package dev.strongroom.cli.agent;

import dev.strongroom.client.account.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;

/** What one agent serves: a profile of a config dir, on one socket, locking after {@code idle}. */
record AgentConfig(ServerProfile profile, Path configDir, Path socket, Duration idle) {}
