package dev.strongroom.model.wire;

import java.util.List;

/** Invites: those addressed to the caller's email, or a team's invites for its admins. */
public record InviteListResponse(List<InviteView> invites) {}
