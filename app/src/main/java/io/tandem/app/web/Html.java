package io.tandem.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's pages, rendered by jte from the templates in {@code src/main/jte}, which the
 * build compiles to Java classes (package {@value #PACKAGE}). In HTML mode jte escapes every value
 * for where it lands (element text, attribute, URL), so no value needs escaping by hand and none
 * can form markup. Thread-safe.
 */
final class Html {

  static final String PACKAGE = "io.tandem.app.web.templates";

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);

  private Html() {}

  /** A program's overview. */
  static String overview(Pages.Overview page) {
    return render("overview.jte", Map.of("page", page));
  }

  /** A pair's page. */
  static String pair(Pages.PairPage page) {
    return render("pair.jte", Map.of("page", page));
  }

  /** A short page that says one thing; with the filters when they can put it right. */
  static String message(String title, String text, Pages.Filters filters, Pages.Link back) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", title);
    params.put("text", text);
    params.put("filters", filters);
    params.put("back", back);
    return render("message.jte", params);
  }

  /** A short page that says one thing. */
  static String page(String title, String text) {
    return message(title, text, null, null);
  }

  /** The page for a missing, altered or expired link: nothing about any workspace. */
  static String refused() {
    return render("refused.jte", Map.of());
  }

  private static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, params, out);
    return out.toString();
  }
}
