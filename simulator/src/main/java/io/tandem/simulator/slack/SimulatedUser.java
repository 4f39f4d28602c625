package io.tandem.simulator.slack;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A person in the simulated workspace, served by {@code users.info}.
 *
 * <p>Created by {@link SlackSimulator#user(String)}; the id and DM channel stay the same for the
 * life of the simulator. Time zone and admin flag may be changed from any thread at any time.
 */
public final class SimulatedUser {
  private final String id;
  private final String name;
  private final String dmChannelId;
  private volatile String realName;
  private volatile ZoneId tz = ZoneId.of("Europe/Berlin");
  private volatile boolean admin;
  private volatile boolean deleted;

  SimulatedUser(String id, String name, String dmChannelId) {
    this.id = id;
    this.name = name;
    this.dmChannelId = dmChannelId;
    this.realName = Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The Slack user id, e.g. {@code U0SIM00001}. */
  public String id() {
    return id;
  }

  /** The handle, e.g. {@code ana}. */
  public String name() {
    return name;
  }

  /** The display name; defaults to the capitalised handle. */
  public String realName() {
    return realName;
  }

  /** The id of the app's DM channel with this person ({@code D…}). */
  public String dmChannelId() {
    return dmChannelId;
  }

  /** The time zone; {@code Europe/Berlin} unless changed. */
  public ZoneId tz() {
    return tz;
  }

  /** True when {@code users.info} reports {@code is_admin}. */
  public boolean isAdmin() {
    return admin;
  }

  /** True once the account is deactivated ({@code users.info} reports {@code deleted}). */
  public boolean isDeleted() {
    return deleted;
  }

  /**
   * Deactivates or reactivates the account; see {@link ActingUser#isDeactivated()} and {@link
   * ActingUser#isReactivated()}.
   */
  SimulatedUser deleted(boolean value) {
    this.deleted = value;
    return this;
  }

  /** An address for {@code users.info}'s {@code profile.email}. */
  public String email() {
    return name + "@example.com";
  }

  /** Sets the time zone, e.g. {@code "America/New_York"}; returns this user. */
  public SimulatedUser tz(String zoneId) {
    this.tz = ZoneId.of(zoneId);
    return this;
  }

  /** Sets the workspace-admin flag; returns this user. */
  public SimulatedUser admin(boolean admin) {
    this.admin = admin;
    return this;
  }

  /** Sets the display name; returns this user. */
  public SimulatedUser realName(String realName) {
    this.realName = Objects.requireNonNull(realName);
    return this;
  }

  @Override
  public String toString() {
    return name + "(" + id + ")";
  }
}
