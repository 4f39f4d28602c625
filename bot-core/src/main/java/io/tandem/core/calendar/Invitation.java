package io.tandem.core.calendar;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * The calendar file (iCalendar, RFC 5545 and 5546) Tandem sends a pair for its planned session: one
 * event with both people as attendees, its start in the planner's time zone (with that zone's
 * definition, so every calendar shows the right local time on either side of a daylight-saving
 * change), and a UID per pair, so each new invitation, with a higher sequence, moves the same event
 * and a cancellation removes it. Pure.
 */
public final class Invitation {

  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private static final String PRODUCT = "-//Tandem//Tandem reverse mentoring//EN";

  /**
   * One attendee: their email when Tandem knows it, else only their name and a URN of their chat id
   * (a calendar address need not be an email).
   */
  public record Person(String name, String email, String userId) {
    public Person {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(userId, "userId");
    }

    URI address() {
      if (email != null && email.matches("[^@\\s:<>\"]+@[^@\\s:<>\"]+")) {
        return URI.create("mailto:" + email);
      }
      return URI.create("urn:tandem:user:" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
    }

    /** The name as a parameter value may hold it: no quotes or control characters. */
    String commonName() {
      String clean = name.replaceAll("[\"\\p{Cntrl}]", "").strip();
      return clean.isEmpty() ? userId : clean;
    }
  }

  /**
   * @param repeatDays the cadence of a series, or {@code null} for a single session
   * @param stamp when Tandem wrote this version
   */
  public record Event(
      long pairId,
      int sequence,
      Instant start,
      Duration length,
      ZoneId zone,
      Integer repeatDays,
      String summary,
      String description,
      List<Person> attendees,
      Instant stamp) {
    public Event {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(length, "length");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(description, "description");
      attendees = List.copyOf(attendees);
      Objects.requireNonNull(stamp, "stamp");
    }
  }

  private Invitation() {}

  /** The event's UID: the same for every version of the pair's planned session. */
  public static String uid(long pairId) {
    return "pair-" + pairId + "@tandem";
  }

  /** The file's name, the same for every version. */
  public static String fileName(long pairId) {
    return "tandem-pair-" + pairId + ".ics";
  }

  /** An invitation to the event, or an update of it ({@code METHOD:REQUEST}). */
  public static String request(Event event) {
    return write(event, ImmutableMethod.REQUEST, Status.VALUE_CONFIRMED);
  }

  /** The event's cancellation ({@code METHOD:CANCEL}), for the same UID. */
  public static String cancel(Event event) {
    return write(event, ImmutableMethod.CANCEL, Status.VALUE_CANCELLED);
  }

  private static String write(
      Event event, net.fortuna.ical4j.model.property.Method method, String status) {
    TimeZone zone =
        event.zone() instanceof ZoneOffset ? null : ZONES.getTimeZone(event.zone().getId());
    Temporal start = zone == null ? event.start() : event.start().atZone(zone.toZoneId());
    VEvent vevent = new VEvent(start, event.length(), event.summary());
    vevent.replace(new DtStamp(event.stamp()));
    vevent.add(new Uid(uid(event.pairId())));
    vevent.add(new Sequence(event.sequence()));
    vevent.add(new Status(status));
    vevent.add(new Description(event.description()));
    Organizer organizer = new Organizer(URI.create("urn:tandem:organizer"));
    organizer.add(new Cn("Tandem"));
    vevent.add(organizer);
    for (Person person : event.attendees()) {
      Attendee attendee = new Attendee(person.address());
      attendee.add(new Cn(person.commonName()));
      attendee.add(Role.REQ_PARTICIPANT);
      attendee.add(PartStat.NEEDS_ACTION);
      vevent.add(attendee);
    }
    if (event.repeatDays() != null) {
      int days = event.repeatDays();
      vevent.add(
          new RRule<>(
              days % 7 == 0 ? "FREQ=WEEKLY;INTERVAL=" + days / 7 : "FREQ=DAILY;INTERVAL=" + days));
    }
    Calendar calendar =
        new Calendar().withProdId(PRODUCT).withDefaults().withProperty(method).getFluentTarget();
    if (zone != null) {
      calendar = calendar.withComponent(zone.getVTimeZone()).getFluentTarget();
    }
    return calendar.withComponent(vevent).getFluentTarget().toString();
  }
}
