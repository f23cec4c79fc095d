package dev.strongroom.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"strongroom " + (version == null ? "development" : version)};
    }
}
