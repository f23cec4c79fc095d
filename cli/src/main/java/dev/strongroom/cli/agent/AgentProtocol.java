package dev.strongroom.cli.agent;

/**
 * The versioned request/response protocol between the CLI and its agent, one JSON document per
 * frame on the agent socket ({@link AgentRequest} and {@link AgentResponse} define the shapes). A
 * version mismatch (a CLI upgraded while an old agent runs) is refused, never guessed at: the user
 * runs {@code strongroom lock} and unlocks again.
 *
 * <p>Commands of version 1:
 *
 * <table>
 *   <tr><th>command</th><th>args</th><th>secrets</th><th>state</th></tr>
 *   <tr><td>status</td><td>-</td><td>-</td><td>any</td></tr>
 *   <tr><td>login</td><td>email, device</td><td>password</td><td>before login (once)</td></tr>
 *   <tr><td>lock</td><td>-</td><td>-</td><td>any</td></tr>
 *   <tr><td>logout</td><td>-</td><td>-</td><td>unlocked</td></tr>
 *   <tr><td>passwd</td><td>kdfMemory, kdfIterations, kdfParallelism (optional)</td>
 *       <td>current, new</td><td>unlocked</td></tr>
 * </table>
 */
public final class AgentProtocol {

    public static final int VERSION = 1;

    private AgentProtocol() {}
}
