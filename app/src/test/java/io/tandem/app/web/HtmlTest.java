package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dashboard's templates escape what people typed, wherever it lands. */
@DisplayName("Dashboard HTML")
class HtmlTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";

  @Test
  @DisplayName("names and values people typed never become markup, in text or in attributes")
  void escapesPeoplesText() {
    Pages.Filters filters =
        new Pages.Filters(
            "/dashboard",
            "tok\"en",
            List.of(new Pages.Choice(1, HOSTILE, true)),
            HOSTILE,
            "2026-01-01..2026-03-31",
            HOSTILE,
            HOSTILE);
    String page =
        Html.overview(
            new Pages.Overview(
                "Tandem · " + HOSTILE,
                filters,
                HOSTILE,
                "running",
                "2026-01-01 to 2026-01-31",
                "2026-01-31 12:00:00 UTC",
                List.of(new Pages.Card("sessions", "Sessions", HOSTILE)),
                List.of(new Pages.Figure("funnel", HOSTILE, "/dashboard/chart/funnel.png?t=a&b=c")),
                640,
                320,
                HOSTILE,
                List.of(new Pages.Badge("thriving", "thriving", 2)),
                List.of(
                    new Pages.PairLine(
                        7,
                        "/dashboard/pair?t=a&pair=7",
                        HOSTILE,
                        HOSTILE,
                        "active",
                        80,
                        "thriving",
                        "thriving",
                        "3 of 4",
                        3,
                        "2.0",
                        "2026-01-30",
                        "1 / 0",
                        HOSTILE)),
                new Pages.Events(
                    "week",
                    List.of("joins", HOSTILE),
                    List.of(new Pages.EventLine(HOSTILE, List.of(3L, 1L))),
                    HOSTILE),
                List.of(
                    new Pages.MixTable(
                        "department", List.of(new Pages.MixGroup(HOSTILE, 3, 4)), 1)),
                List.of(new Pages.Link("/dashboard/export/report.csv?t=a&b=c", "report.csv")),
                "2026-01-31 12:15 UTC",
                new Pages.OutcomeLines(List.of(HOSTILE), List.of(HOSTILE), HOSTILE)));

    assertThat(page)
        .doesNotContain("<img src=x")
        .doesNotContain("\"'&\"")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("data-metric=\"sessions\">&lt;img")
        .contains("href=\"/dashboard/pair?t=a&amp;pair=7\"")
        .contains("<tr data-pair=\"7\">")
        .contains("<td data-col=\"usefulness\">&lt;img")
        .contains("<p id=\"event-totals\">&lt;img")
        .contains("<ul id=\"outcomes\"><li>“&lt;img")
        .contains("<tr><td>&lt;img src=x onerror=alert(1)&gt;\"'&amp;</td><td class=\"num\">3</td>")
        .contains("as of 2026-01-31 12:00:00 UTC")
        .contains("<option value=\"1\" selected>");
    assertThat(Html.refused())
        .contains("id=\"refused\"")
        .contains("<code>/tandem dashboard</code>");
    assertThat(Html.page("No program", HOSTILE)).contains("&lt;img").doesNotContain("<img");
  }
}
