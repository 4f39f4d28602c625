package io.tandem.app.web;

/** The dashboard's page frame and HTML escaping. Inline CSS only: nothing comes from elsewhere. */
final class Html {

  private Html() {}

  private static final String STYLE =
      """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;\
      color:#1d2733;background:#f6f7f9}
      header{background:#1f3b5a;color:#fff;padding:12px 24px}
      header h1{font-size:20px;margin:0}
      main{padding:16px 24px;max-width:1400px}
      h2{font-size:18px;margin:28px 0 8px}
      .muted{color:#5e6b78}
      .problem{color:#a3261c}
      .cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
      .card{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:10px 14px;\
      min-width:150px}
      .card .label{font-size:12px;color:#5e6b78;text-transform:uppercase;letter-spacing:.03em}
      .card .value{font-size:22px;font-weight:600}
      .charts{display:flex;flex-wrap:wrap;gap:16px}
      figure{background:#fff;border:1px solid #dde2e8;border-radius:8px;margin:0;padding:8px}
      figcaption{font-size:13px;color:#5e6b78;padding:4px}
      img.chart{display:block;max-width:100%;height:auto}
      table{border-collapse:collapse;background:#fff;margin:8px 16px 8px 0}
      th,td{border:1px solid #dde2e8;padding:5px 10px;text-align:left}
      th{background:#eef1f5;font-weight:600}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .mix{display:flex;flex-wrap:wrap;align-items:flex-start}
      .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:13px}
      .thriving{background:#d8f0dd;color:#1d5e2c}
      .steady{background:#e4ecf7;color:#1f3b5a}
      .at-risk{background:#fdebd0;color:#8a4b08}
      .gone-quiet{background:#f6d6d3;color:#8a1f14}
      form.filters{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:8px 12px}
      form.filters label{margin-right:12px}
      """;

  /** A whole page with Tandem's frame. */
  static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body><header><h1>"
        + escape(title)
        + "</h1></header><main>"
        + body
        + "</main></body></html>";
  }

  /** The page for a missing, altered or expired link: nothing about any workspace. */
  static String refused() {
    return page(
        "Link expired or not valid",
        "<p id=\"refused\">This dashboard link has expired or is not valid, so it shows nothing."
            + " Ask Tandem for a fresh one with <code>/tandem dashboard</code>; links work for a"
            + " short while only.</p>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
