package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.exposure.ExposureReport;
import dev.strongroom.client.rotation.RotationFinding;
import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.vault.VaultInfo;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code search} (names, usernames, URLs, tags, folders, field names) and {@code rotation-report}.
 */
final class FindOperations {

    private FindOperations() {}

    static Map<String, AgentOperation> all() {
        return Map.of(
                "search",
                VaultOperation.of(
                        Set.of("query"), Set.of("limit"), Set.of(), FindOperations::search),
                "rotation-report",
                new AgentOperation(
                        Set.of(),
                        Set.of("windowDays"),
                        Set.of(),
                        true,
                        (host, request) -> {
                            VaultSession vault = host.vault();
                            vault.refresh();
                            ObjectNode data =
                                    report(vault, request, TeamOperations.openExposures(host));
                            data.set("sync", vault.syncState());
                            return data;
                        }));
    }

    private static Map<String, String> vaultNames(VaultSession session) {
        Map<String, String> names = new HashMap<>();
        for (VaultInfo v : session.vaults().listVaults()) {
            names.put(v.vaultId(), v.name());
        }
        return names;
    }

    private static ObjectNode search(VaultSession session, AgentRequest request) {
        int limit = VaultOperation.intArg(request, "limit", 50, 1, 10_000);
        List<SearchHit> hits = session.vaults().search(request.arg("query").orElseThrow(), limit);
        Map<String, String> names = vaultNames(session);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode out = data.putArray("hits");
        for (SearchHit hit : hits) {
            SearchDocument d = hit.document();
            String[] ref = d.id().split("/", 2);
            ObjectNode n = out.addObject();
            n.put("id", ref[1]);
            n.put("vaultId", ref[0]);
            n.put("vault", names.get(ref[0]));
            n.put("name", d.name());
            n.put("type", d.type().wireName());
            n.put("username", d.username());
            n.put("folder", d.folder());
            ArrayNode urls = n.putArray("urls");
            d.urls().forEach(urls::add);
            ArrayNode tags = n.putArray("tags");
            d.tags().forEach(tags::add);
            n.put("score", hit.score());
        }
        return data;
    }

    /** Overdue and expiring items, with the team exposure report's open findings first. */
    private static ObjectNode report(
            VaultSession session, AgentRequest request, List<ExposureFinding> exposures) {
        int window = VaultOperation.intArg(request, "windowDays", 30, 0, 3650);
        List<RotationFinding> findings =
                new java.util.ArrayList<>(
                        ExposureReport.asRotationFindings(
                                exposures, session.vaults(), Clock.systemUTC()));
        findings.addAll(session.vaults().rotationReport(Clock.systemUTC(), window));
        Map<String, String> names = vaultNames(session);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("windowDays", window);
        ArrayNode out = data.putArray("findings");
        for (RotationFinding f : findings) {
            String[] ref = f.subject().ref().split("/", 2);
            ObjectNode n = out.addObject();
            n.put("id", ref[1]);
            n.put("vaultId", ref[0]);
            n.put("vault", names.get(ref[0]));
            n.put("name", f.subject().name());
            n.put("type", f.subject().type().wireName());
            n.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("source", f.source().name().toLowerCase(java.util.Locale.ROOT));
            n.put("due", f.due().toString());
            n.put("daysLeft", f.daysLeft());
        }
        return data;
    }
}
