package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tandem needs to know about a Slack user (time zone, workspace admin, work email), cached so
 * that {@code users.info} (Tier 4) is called at most once an hour per person. Called where a
 * request runs: an intake worker, or the acknowledgement thread of a quick command.
 */
final class SlackMembers {

  private static final Logger LOG = LoggerFactory.getLogger(SlackMembers.class);
  private static final Duration TTL = Duration.ofHours(1);

  /**
   * @param email the profile's email ({@code Member} keeps it lower-cased); {@code null} when Slack
   *     leaves it out (without the {@code users:read.email} scope, or for bots). Only used to link
   *     HR roster rows to people; never logged.
   */
  record Profile(String timeZone, boolean admin, String email) {}

  private record Cached(Profile profile, Instant fetchedAt) {}

  private final MethodsClient methods;
  private final Set<String> configuredAdmins;
  private final Clock clock;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  SlackMembers(MethodsClient methods, Set<String> configuredAdmins, Clock clock) {
    this.methods = methods;
    this.configuredAdmins = Set.copyOf(configuredAdmins);
    this.clock = clock;
  }

  Profile profile(String userId) {
    Cached cached = cache.get(userId);
    Instant now = clock.instant();
    if (cached != null && cached.fetchedAt().plus(TTL).isAfter(now)) {
      return cached.profile();
    }
    boolean configuredAdmin = configuredAdmins.contains(userId);
    try {
      UsersInfoResponse info = methods.usersInfo(r -> r.user(userId));
      if (info.isOk() && info.getUser() != null) {
        User user = info.getUser();
        Profile profile =
            new Profile(
                user.getTz(),
                configuredAdmin || user.isAdmin() || user.isOwner(),
                email(user.getProfile()));
        cache.put(userId, new Cached(profile, now));
        return profile;
      }
      LOG.warn("users.info for {} answered {}", userId, info.getError());
    } catch (IOException | SlackApiException e) {
      LOG.warn("users.info for {} failed: {}", userId, e.getMessage());
    }
    // Not cached: the next command tries again.
    return new Profile(null, configuredAdmin, null);
  }

  private static String email(User.Profile profile) {
    return profile == null ? null : profile.getEmail();
  }
}
