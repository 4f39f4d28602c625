package io.tandem.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Hands out links to the web dashboard. Implemented by the app, which serves the dashboard and
 * signs each link so that it opens that workspace's data (one program, or all of them) for a short
 * while and nothing else. Called by the {@code dashboard} use case on an adapter worker thread,
 * outside any transaction; never blocks.
 */
public interface DashboardLinks {

  /**
   * What a link opens.
   *
   * @param workspaceId the workspace's id in Tandem's database
   * @param adminUserId the platform user id of the admin it was handed to
   * @param programId the one program it opens, or {@code null} for all of the workspace's programs
   */
  record Grant(long workspaceId, String adminUserId, Long programId) {
    public Grant {
      Objects.requireNonNull(adminUserId, "adminUserId");
    }
  }

  /** A signed link and the moment it stops working. */
  record Link(String url, Instant expires) {
    public Link {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(expires, "expires");
    }
  }

  /** A link for this grant, valid from now for the configured lifetime. */
  Link issue(Grant grant);
}
